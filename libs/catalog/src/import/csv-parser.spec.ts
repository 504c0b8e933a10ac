import { parseCsv, parseCsvTable } from './csv-parser';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const { rows, problems } = parseCsv('a,b,c\n"x, y","he said ""hi""","line1\nline2"\nlast,,\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, values: ['a', 'b', 'c'] },
      { line: 2, values: ['x, y', 'he said "hi"', 'line1\nline2'] },
      { line: 4, values: ['last', '', ''] },
    ]);
  });

  it('strips a UTF-8 byte-order mark and handles CRLF and lone CR', () => {
    const { rows } = parseCsv('\uFEFFmã,tên\r\n33100,Bưu cục\r33110,"Nghĩa\r\nLộ"\r\n');
    expect(rows).toEqual([
      { line: 1, values: ['mã', 'tên'] },
      { line: 2, values: ['33100', 'Bưu cục'] },
      { line: 3, values: ['33110', 'Nghĩa\nLộ'] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const { rows } = parseCsv('a\n\n\nb\n');
    expect(rows.map((r) => r.line)).toEqual([1, 4]);
  });

  it('keeps a last line without newline and an empty quoted field', () => {
    expect(parseCsv('a,""').rows).toEqual([{ line: 1, values: ['a', ''] }]);
  });

  it('reports malformed quoting and carries on with the next records', () => {
    const { rows, problems } = parseCsv('ok,1\n"bad"x,2\nab"c,3\nfine,4\n"open,5\nnever closed');
    expect(rows.map((r) => r.values[0])).toEqual(['ok', 'fine']);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(problems[2].message).toMatch(/không được đóng/);
  });

  it('supports another delimiter', () => {
    expect(parseCsv('a;"b;c"', ';').rows[0].values).toEqual(['a', 'b;c']);
  });
});

describe('parseCsvTable', () => {
  it('maps records onto the header and reports wrong field counts by line', () => {
    const table = parseCsvTable('code,name\n15,Yên Bái\n10\n16,"A,B",extra\n');
    expect(table.records).toEqual([{ line: 2, fields: { code: '15', name: 'Yên Bái' } }]);
    expect(table.problems).toEqual([
      { line: 3, message: 'có 1 trường, tiêu đề có 2 cột' },
      { line: 4, message: 'có 3 trường, tiêu đề có 2 cột' },
    ]);
  });

  it('reports duplicate and empty header names and an empty file', () => {
    expect(parseCsvTable('a,a,\n').problems.map((p) => p.message)).toEqual(['cột "a" bị lặp trong tiêu đề', 'tiêu đề có cột không tên']);
    expect(parseCsvTable('\uFEFF').problems).toEqual([{ line: 1, message: 'tệp không có dòng tiêu đề' }]);
  });
});
