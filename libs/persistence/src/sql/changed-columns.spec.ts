import { changedColumns } from './changed-columns';

describe('changedColumns', () => {
  it('lists only what differs: dates by instant, arrays and objects by content', () => {
    const before = { id: 'd', status: 'OPEN', at: new Date('2026-12-06T01:00:00Z'), lines: [{ a: 1 }], note: null as string | null };
    const after = { id: 'd', status: 'CLOSED', at: new Date('2026-12-06T01:00:00Z'), lines: [{ a: 1 }], note: 'x' as string | null };
    expect(changedColumns(before, after)).toEqual({ status: 'CLOSED', note: 'x' });
  });

  it('answers undefined when nothing changed, and sees a changed array element', () => {
    const row = { at: new Date(0), lines: ['a'] };
    expect(changedColumns(row, { at: new Date(0), lines: ['a'] })).toBeUndefined();
    expect(changedColumns(row, { at: new Date(0), lines: ['a', 'b'] })).toEqual({ lines: ['a', 'b'] });
    expect(changedColumns({ at: new Date(0) }, { at: new Date(1) })).toEqual({ at: new Date(1) });
  });
});
