import type { LocalDate } from '@bcci/kernel';
import type { HandoverRecordState } from './handover-record';
import { acknowledgeHandover, completeHandoverRecord, signByPost } from './handover-record.rules';
import type { AgencySignature, DossierAcknowledgement } from './handover-signatures.rule';

const ids = { remittanceId: 'remittance-1' };

function record(fees: number[], overrides: Partial<HandoverRecordState> = {}): HandoverRecordState {
  return {
    id: 'record-1',
    recordNumber: 'BBGN-33100-250313-RECORD01',
    agencyId: '000.00.13.H65',
    status: 'AWAITING_AGENCY_SIGNATURE',
    postalSignature: { signerRole: 'COURIER', signerRef: 'staff:33100-104', signedAt: new Date('2025-03-13T02:41:12Z') },
    agencySignature: null,
    signedAt: null,
    remittanceMethod: 'CASH',
    dossiers: fees.map((total, i) => ({
      dossierId: `dossier-${i}`,
      legId: `leg-${i}`,
      documentsCounted: 2,
      dueDate: '2025-03-14' as LocalDate,
      fees: { dossierId: `dossier-${i}`, total, lines: total > 0 ? [{ feeCode: 'LLTP-PHI', amount: total }] : [] },
    })),
    ...overrides,
  };
}

const ack = (dossierId: string, at: string): DossierAcknowledgement => ({ dossierId, signerRole: 'AGENCY_RECEIVER', signerRef: 'agency-user:H65-0042', acknowledgedAt: new Date(at) });
const paper: AgencySignature = { signerRole: 'AGENCY_RECEIVER', signerRef: 'agency-receiver:000.00.13.H65', signedAt: new Date('2025-03-13T02:41:12Z'), source: 'PAPER_RECORD' };

describe('acknowledgeHandover', () => {
  it('keeps the signature of a dossier the post has not handed over yet', () => {
    const decision = acknowledgeHandover({ record: null, acknowledgements: [] }, ack('dossier-0', '2025-03-13T03:00:00Z'), ids);
    expect(decision).toEqual({ outcome: 'recorded', acknowledgement: ack('dossier-0', '2025-03-13T03:00:00Z') });
  });

  it('the first signature wins: a second one for the same dossier changes nothing', () => {
    const state = { record: record([200000]), acknowledgements: [ack('dossier-0', '2025-03-13T03:00:00Z')] };
    expect(acknowledgeHandover(state, ack('dossier-0', '2025-03-13T04:00:00Z'), ids)).toEqual({ outcome: 'already-acknowledged' });
  });

  it('a record of two dossiers waits for the second acknowledgement, then completes at the latest one', () => {
    const waiting = acknowledgeHandover({ record: record([200000, 135000]), acknowledgements: [] }, ack('dossier-0', '2025-03-13T03:00:00Z'), ids);
    expect(waiting.outcome).toBe('recorded');

    const decision = acknowledgeHandover({ record: record([200000, 135000]), acknowledgements: [ack('dossier-0', '2025-03-13T03:00:00Z')] }, ack('dossier-1', '2025-03-13T03:02:00Z'), ids);
    if (decision.outcome !== 'completed-record') throw new Error(`expected completed-record, got ${decision.outcome}`);
    expect(decision.completion.record).toMatchObject({ status: 'SIGNED', signedAt: new Date('2025-03-13T03:02:00Z'), agencySignature: { source: 'AGENCY_GATEWAY' } });
    expect(decision.completion.events.map((event) => [event.type, event.data.dossierId])).toEqual([
      ['bcci.forwarding.handover-record-signed.v1', 'dossier-0'],
      ['bcci.forwarding.handover-record-signed.v1', 'dossier-1'],
      ['bcci.forwarding.fees-remitted.v1', 'dossier-0'],
      ['bcci.forwarding.fees-remitted.v1', 'dossier-1'],
    ]);
    expect(decision.completion.events[0].data).toMatchObject({ batchId: 'record-1', signedAt: '2025-03-13T03:02:00.000Z', postalSignedAt: '2025-03-13T02:41:12.000Z', postalDeadlineMet: true });
    expect(decision.completion.remittance).toMatchObject({ id: 'remittance-1', total: 335000, remittedAt: new Date('2025-03-13T03:02:00Z') });
  });

  it('a record already signed on paper is not filed a second time', () => {
    const signed = record([200000], { status: 'SIGNED', agencySignature: paper, signedAt: paper.signedAt });
    expect(acknowledgeHandover({ record: signed, acknowledgements: [] }, ack('dossier-0', '2025-03-13T03:00:00Z'), ids).outcome).toBe('recorded');
  });
});

describe('signByPost', () => {
  it('waits for the agency without a paper signature or acknowledgements', () => {
    expect(signByPost(record([200000]), null, [], ids)).toEqual({ record: record([200000]), filed: false, remittance: null, events: [] });
  });

  it('an acknowledgement received earlier completes the record at the postal signature, the later one', () => {
    const decision = signByPost(record([200000]), null, [ack('dossier-0', '2025-03-13T02:30:00Z')], ids);
    expect(decision).toMatchObject({ filed: true, record: { status: 'SIGNED', signedAt: new Date('2025-03-13T02:41:12Z') } });
    expect(decision.events[0].data).not.toHaveProperty('batchId');
  });

  it('signed on paper: complete at once; a dossier without fees has nothing remitted', () => {
    const decision = signByPost(record([200000, 0]), paper, [], ids);
    expect(decision.record.agencySignature?.source).toBe('PAPER_RECORD');
    expect(decision.events.filter((event) => event.type === 'bcci.forwarding.fees-remitted.v1').map((event) => event.data.dossierId)).toEqual(['dossier-0']);
    expect(decision.remittance).toMatchObject({ total: 200000, dossiers: [expect.objectContaining({ dossierId: 'dossier-0' })] });
  });

  it('no fees at all: filed without a remittance', () => {
    const decision = completeHandoverRecord(record([0]), paper, ids);
    expect(decision).toMatchObject({ filed: true, remittance: null });
    expect(decision.events.map((event) => event.type)).toEqual(['bcci.forwarding.handover-record-signed.v1']);
  });
});
