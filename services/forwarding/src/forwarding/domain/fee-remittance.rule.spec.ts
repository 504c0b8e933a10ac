import { remittanceForHandover } from './fee-remittance.rule';

describe('fee total: agency fees are remitted in full with the handover (QĐ 45 Đ7.5, Đ15.2)', () => {
  it('totals the fees of every dossier of the record in whole đồng', () => {
    const remittance = remittanceForHandover([
      { dossierId: 'a', total: 200000, lines: [{ feeCode: 'LLTP-PHI', amount: 200000 }] },
      { dossierId: 'b', total: 135000, lines: [{ feeCode: 'GPLX', amount: 135000 }] },
      { dossierId: 'c', total: 0, lines: [] },
    ]);
    expect(remittance?.total).toBe(335000);
    expect(remittance?.dossiers.map((d) => d.dossierId)).toEqual(['a', 'b']);
  });

  it('has nothing to remit when no dossier carries a fee', () => {
    expect(remittanceForHandover([{ dossierId: 'a', total: 0, lines: [] }])).toBeUndefined();
  });

  it('refuses an amount that is not whole đồng', () => {
    expect(() => remittanceForHandover([{ dossierId: 'a', total: 1000.5, lines: [] }])).toThrow();
  });
});
