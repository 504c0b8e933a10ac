import { countMismatches, documentsOnSlip } from './sending-slip-count.rule';

describe('handover counts are checked against the sending slips (QĐ 45 Đ7.2)', () => {
  it('counts every original and every copy listed on the slip', () => {
    expect(documentsOnSlip([{ originals: 1, copies: 0 }, { originals: 0, copies: 2 }])).toBe(3);
    expect(documentsOnSlip([])).toBe(0);
  });

  it('lists every dossier whose count differs, and only those', () => {
    const mismatches = countMismatches([
      { dossierId: 'a', s10ItemId: 'EB123456785VN', documentsOnSlip: 2, documentsCounted: 2 },
      { dossierId: 'b', s10ItemId: 'EB000000000VN', documentsOnSlip: 3, documentsCounted: 2 },
      { dossierId: 'c', s10ItemId: 'EB000000013VN', documentsOnSlip: 1, documentsCounted: 4 },
    ]);
    expect(mismatches).toEqual([
      { dossierId: 'b', s10ItemId: 'EB000000000VN', expected: 3, counted: 2 },
      { dossierId: 'c', s10ItemId: 'EB000000013VN', expected: 1, counted: 4 },
    ]);
  });
});
