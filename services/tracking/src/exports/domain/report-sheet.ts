/** A table as exports write it: title lines, one header row, data rows. XLSX and CSV share it. */
export type Cell = string | number | null;

export interface ReportSheet {
  readonly name: string;
  readonly title: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Column widths in characters (XLSX). */
  readonly widths?: readonly number[];
}

export interface ReportBook {
  readonly fileName: string;
  readonly sheets: readonly ReportSheet[];
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what a spreadsheet would misread; neutralise formulas (CSV injection) with a leading quote.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM (Excel opens Vietnamese correctly), CRLF, title lines first, then each sheet. */
export function toCsv(book: ReportBook): string {
  const lines: string[] = [];
  book.sheets.forEach((sheet, index) => {
    if (index > 0) lines.push('');
    for (const line of sheet.title) lines.push(csvCell(line));
    lines.push(sheet.header.map(csvCell).join(','));
    for (const row of sheet.rows) lines.push(row.map(csvCell).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
