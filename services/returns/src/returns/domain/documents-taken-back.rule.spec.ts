import { assertDocumentsTakenBack, documentsStillMissing } from './documents-taken-back.rule';

describe('documents the agency asks back are collected before the result is handed over (TT 17/2017 Đ5.2.đ)', () => {
  const oldLicence = { documentCode: 'GPLX-CU', title: 'Giấy phép lái xe cũ', count: 1 };

  it('lets a delivery go ahead when nothing is asked back, or everything asked was taken back', () => {
    expect(documentsStillMissing([], [])).toEqual([]);
    expect(documentsStillMissing([oldLicence], [{ documentCode: 'GPLX-CU', count: 1 }])).toEqual([]);
    // Taking back something the agency did not ask for is the recipient's choice, not a fault.
    expect(documentsStillMissing([], [{ documentCode: 'CCCD-CU', count: 1 }])).toEqual([]);
  });

  it('counts copies by kind, across the lines the courier entered', () => {
    const twoCopies = { documentCode: 'BAN-SAO', title: 'Bản sao giấy khai sinh', count: 2 };
    expect(documentsStillMissing([twoCopies], [{ documentCode: 'BAN-SAO', count: 1 }])).toEqual([{ ...twoCopies, count: 1 }]);
    expect(documentsStillMissing([twoCopies], [{ documentCode: 'BAN-SAO', count: 1 }, { documentCode: 'BAN-SAO', count: 1 }])).toEqual([]);
  });

  it('refuses the delivery (422) naming, in Vietnamese, what is still missing', () => {
    expect(() => assertDocumentsTakenBack([oldLicence], [])).toThrow(
      expect.objectContaining({ kind: 'rule-violation', code: 'returns.documents-not-taken-back', messageVi: expect.stringContaining('Giấy phép lái xe cũ (1 bản)') }),
    );
  });
});
