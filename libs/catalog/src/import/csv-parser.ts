/** One CSV record with the (1-based) line on which it starts, so errors can point into the file. */
export interface CsvRow {
  readonly line: number;
  readonly values: readonly string[];
}

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface CsvParseResult {
  readonly rows: readonly CsvRow[];
  readonly problems: readonly CsvProblem[];
}

/**
 * RFC 4180 CSV as spreadsheets export it: fields optionally quoted, `""` for a quote inside quotes,
 * commas and line breaks allowed inside quotes, CRLF / LF / CR line ends, and a UTF-8 byte-order mark
 * (Excel adds one to Vietnamese exports). Blank lines are skipped. A malformed record is reported and
 * parsing continues with the next line, so every problem in a file surfaces in one run.
 */
export function parseCsv(text: string, delimiter = ','): CsvParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;

  const atLineEnd = (index: number) => source[index] === '\n' || source[index] === '\r';
  const skipLineEnd = () => {
    if (source[i] === '\r' && source[i + 1] === '\n') i += 2;
    else i += 1;
    line += 1;
  };
  const skipRestOfLine = () => {
    while (i < source.length && !atLineEnd(i)) i++;
    if (i < source.length) skipLineEnd();
  };

  while (i < source.length) {
    if (atLineEnd(i)) {
      skipLineEnd();
      continue;
    }
    const startLine = line;
    const values: string[] = [];
    let broken: string | null = null;

    for (;;) {
      let value = '';
      if (source[i] === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < source.length) {
          const ch = source[i];
          if (ch === '"') {
            if (source[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\r' || ch === '\n') {
            value += '\n';
            skipLineEnd();
            continue;
          }
          value += ch;
          i++;
        }
        if (!closed) {
          broken = `dấu ngoặc kép mở ở dòng ${quoteLine} không được đóng`;
          break;
        }
        if (i < source.length && source[i] !== delimiter && !atLineEnd(i)) {
          broken = `ký tự "${source[i]}" sau dấu ngoặc kép đóng; trường có ngoặc kép phải kết thúc ngay sau dấu đóng`;
          skipRestOfLine();
          break;
        }
      } else {
        while (i < source.length && source[i] !== delimiter && !atLineEnd(i)) {
          if (source[i] === '"') broken ??= 'dấu ngoặc kép giữa trường không có ngoặc kép; hãy đặt cả trường trong ngoặc kép và nhân đôi dấu ngoặc kép bên trong';
          value += source[i];
          i++;
        }
      }
      values.push(value);
      if (i < source.length && source[i] === delimiter) {
        i++;
        continue;
      }
      if (i < source.length) skipLineEnd();
      break;
    }

    if (broken) problems.push({ line: startLine, message: broken });
    else rows.push({ line: startLine, values });
  }
  return { rows, problems };
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly { readonly line: number; readonly fields: Readonly<Record<string, string>> }[];
  readonly problems: readonly CsvProblem[];
}

/** The first record names the columns; every other record becomes an object keyed by column name. */
export function parseCsvTable(text: string, delimiter = ','): CsvTable {
  const { rows, problems } = parseCsv(text, delimiter);
  const allProblems = [...problems];
  if (rows.length === 0) return { header: [], records: [], problems: [...allProblems, { line: 1, message: 'tệp không có dòng tiêu đề' }] };
  const [headerRow, ...dataRows] = rows;
  const header = headerRow.values.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') allProblems.push({ line: headerRow.line, message: 'tiêu đề có cột không tên' });
    else if (seen.has(name)) allProblems.push({ line: headerRow.line, message: `cột "${name}" bị lặp trong tiêu đề` });
    seen.add(name);
  }
  const records: { line: number; fields: Record<string, string> }[] = [];
  for (const row of dataRows) {
    if (row.values.length !== header.length) {
      allProblems.push({ line: row.line, message: `có ${row.values.length} trường, tiêu đề có ${header.length} cột` });
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, index) => (fields[name] = row.values[index]));
    records.push({ line: row.line, fields });
  }
  allProblems.sort((a, b) => a.line - b.line);
  return { header, records, problems: allProblems };
}
