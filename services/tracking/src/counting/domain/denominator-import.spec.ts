import { parseDenominatorCsv, parseDenominatorJson } from './denominator-import';

const period = { periodStart: '2026-01-01', periodEnd: '2026-03-31', provinceCode: '15' };

describe('denominator imports from one-stop systems', () => {
  it('reads a CSV with a header, channel columns and grouped thousands', () => {
    const csv = '\uFEFFagencyId,procedureCode,received,resolved,receivedInPerson,receivedOnline,receivedBcci\r\n000.00.13.H39,2.000488,"1.840",1795,1502,321,17\r\n000.00.12.H39,1.003822,52,50,,,\r\n';
    const result = parseDenominatorCsv(csv, period);
    expect(result).toEqual({
      ok: true,
      value: {
        periodStart: '2026-01-01', periodEnd: '2026-03-31', provinceCode: '15',
        rows: [
          { agencyId: '000.00.13.H39', procedureCode: '2.000488', received: 1840, resolved: 1795, receivedByChannel: { inPerson: 1502, online: 321, bcci: 17 } },
          { agencyId: '000.00.12.H39', procedureCode: '1.003822', received: 52, resolved: 50 },
        ],
      },
    });
  });

  it('accepts Vietnamese column names and semicolons', () => {
    const csv = 'Mã cơ quan;Mã TTHC;Tiếp nhận;Đã giải quyết\n000.00.13.H39;2.000488;10;9\n';
    expect(parseDenominatorCsv(csv, period)).toMatchObject({ ok: true, value: { rows: [{ received: 10, resolved: 9 }] } });
  });

  it('reports every bad row with its line number, and returns no rows at all', () => {
    const csv = [
      'agencyId,procedureCode,received,resolved',
      '000.00.13.H39,2.000488,10,9',
      'bad agency,2.000488,10,9',
      '000.00.13.H39,2.48,-1,9',
      '000.00.13.H39,2.000488,3,2',
      '000.00.12.H39,1.003822,12,x',
    ].join('\n');
    const result = parseDenominatorCsv(csv, period);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'agencyId'],
      [4, 'procedureCode'],
      [4, 'received'],
      [5, 'procedureCode'],
      [6, 'resolved'],
    ]);
    expect(result.problems.every((p) => p.messageVi.length > 0)).toBe(true);
  });

  it('refuses a missing column and a bad period', () => {
    const result = parseDenominatorCsv('agencyId,received,resolved\n000.00.13.H39,1,1\n', { periodStart: '2026-03-31', periodEnd: '2026-01-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['procedureCode', 'periodEnd']));
  });

  it('checks JSON rows the same way, by row number', () => {
    const result = parseDenominatorJson({ ...period, rows: [{ agencyId: '000.00.13.H39', procedureCode: '2.000488', received: 5, resolved: 6 }, { agencyId: '000.00.13.H39', procedureCode: '2.000635', received: 1.5, resolved: 1 }, { agencyId: '000.00.13.H39', procedureCode: '1.003822', received: 1, resolved: 1, receivedByChannel: { bcci: 4 } }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.row, p.field])).toEqual([[2, 'received'], [3, 'received']]);
  });

  it('refuses an empty import', () => {
    expect(parseDenominatorJson({ ...period, rows: [] }).ok).toBe(false);
  });
});
