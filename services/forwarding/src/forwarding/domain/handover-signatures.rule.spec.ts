import { agencySignatureFromAcknowledgements, isRecordComplete, legalFilingTime, type RecordSignatures } from './handover-signatures.rule';

const postal = { signerRole: 'COURIER', signerRef: 'staff:33100-104', signedAt: new Date('2025-03-13T09:41:12+07:00') };

describe('handover completeness: the record needs both signatures (QĐ 45 Đ7.3–4)', () => {
  it('is incomplete with the postal signature alone, and has no filing time', () => {
    const record: RecordSignatures = { postal, agency: null };
    expect(isRecordComplete(record)).toBe(false);
    expect(() => legalFilingTime(record)).toThrow();
  });

  it('signed on paper by both at once: the filing time is that signing time', () => {
    const record: RecordSignatures = { postal, agency: { ...postal, signerRole: 'AGENCY_RECEIVER', signerRef: 'agency-receiver:000.00.13.H65', source: 'PAPER_RECORD' } };
    expect(isRecordComplete(record)).toBe(true);
    expect(legalFilingTime(record)).toEqual(postal.signedAt);
  });

  it('agency signs through the gateway after the courier: the filing time is the agency signature', () => {
    const agencyAt = new Date('2025-03-13T10:05:00+07:00');
    const record: RecordSignatures = { postal, agency: { signerRole: 'AGENCY_RECEIVER', signerRef: 'agency-user:H65-1', signedAt: agencyAt, source: 'AGENCY_GATEWAY' } };
    expect(legalFilingTime(record)).toEqual(agencyAt);
  });

  it('agency acknowledged before the courier recorded the record: the filing time is the postal signature', () => {
    const record: RecordSignatures = { postal, agency: { signerRole: 'AGENCY_SYSTEM', signerRef: 'agency-user:H65-1', signedAt: new Date('2025-03-13T09:30:00+07:00'), source: 'AGENCY_GATEWAY' } };
    expect(legalFilingTime(record)).toEqual(postal.signedAt);
  });

  it('through the gateway, the agency signature exists once every dossier of the record is acknowledged, at the latest one', () => {
    const acks = [
      { dossierId: 'a', signerRole: 'AGENCY_RECEIVER', signerRef: 'u1', acknowledgedAt: new Date('2025-03-13T10:00:00+07:00') },
      { dossierId: 'b', signerRole: 'AGENCY_RECEIVER', signerRef: 'u2', acknowledgedAt: new Date('2025-03-13T10:02:00+07:00') },
    ];
    expect(agencySignatureFromAcknowledgements(['a', 'b', 'c'], acks)).toBeNull();
    expect(agencySignatureFromAcknowledgements(['a', 'b'], acks)).toEqual({
      signerRole: 'AGENCY_RECEIVER',
      signerRef: 'u2',
      signedAt: new Date('2025-03-13T10:02:00+07:00'),
      source: 'AGENCY_GATEWAY',
    });
    expect(agencySignatureFromAcknowledgements([], acks)).toBeNull();
  });
});
