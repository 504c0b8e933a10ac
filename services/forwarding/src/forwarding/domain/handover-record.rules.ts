import type { FeesRemittedData, HandoverRecordSignedData } from '@bcci/contracts';
import { remittanceForHandover } from './fee-remittance.rule';
import type { AcknowledgementState, HandoverDecision, HandoverEvent, HandoverRecordState, NewIds, RemittanceMade } from './handover-record';
import { agencySignatureFromAcknowledgements, legalFilingTime, type AgencySignature, type DossierAcknowledgement } from './handover-signatures.rule';
import { postalDeadlineMet } from './leg-lateness.rule';

type PostalSignerRole = HandoverRecordSignedData['postalSigner']['role'];
type AgencySignerRole = HandoverRecordSignedData['agencySigner']['role'];

export type AcknowledgementDecision =
  /** This dossier already carries the agency's signature: the first one wins, nothing changes. */
  | { readonly outcome: 'already-acknowledged' }
  /** The signature is kept; the record (if any) still waits for other dossiers, or was already complete. */
  | { readonly outcome: 'recorded'; readonly acknowledgement: DossierAcknowledgement }
  /** The signature is kept and it was the last one the record waited for. */
  | { readonly outcome: 'completed-record'; readonly acknowledgement: DossierAcknowledgement; readonly completion: HandoverDecision };

/**
 * The agency signed for one dossier through its gateway. Kept whether or not the post has recorded
 * the handover yet (events of different streams arrive in any order). If the dossier is in a record
 * waiting for the agency and every dossier of that record is now acknowledged, the record is complete.
 */
export function acknowledgeHandover(state: AcknowledgementState, acknowledgement: DossierAcknowledgement, ids: NewIds): AcknowledgementDecision {
  if (state.acknowledgements.some((ack) => ack.dossierId === acknowledgement.dossierId)) return { outcome: 'already-acknowledged' };
  const record = state.record;
  if (!record || record.status !== 'AWAITING_AGENCY_SIGNATURE') return { outcome: 'recorded', acknowledgement };
  const signature = agencySignatureFromAcknowledgements(
    record.dossiers.map((dossier) => dossier.dossierId),
    [...state.acknowledgements, acknowledgement],
  );
  if (!signature) return { outcome: 'recorded', acknowledgement };
  return { outcome: 'completed-record', acknowledgement, completion: completeHandoverRecord(record, signature, ids) };
}

/**
 * The post has just signed a new record. The agency's signature is either on the same paper (given
 * with the request) or the acknowledgements its gateway already sent for every dossier of the record;
 * without either, the record waits for them.
 */
export function signByPost(
  record: HandoverRecordState,
  agencySignatureOnPaper: AgencySignature | null,
  acknowledgements: readonly DossierAcknowledgement[],
  ids: NewIds,
): HandoverDecision {
  const signature =
    agencySignatureOnPaper ??
    agencySignatureFromAcknowledgements(
      record.dossiers.map((dossier) => dossier.dossierId),
      acknowledgements,
    );
  return signature ? completeHandoverRecord(record, signature, ids) : unchanged(record);
}

/**
 * The record now carries both signatures: it is signed at the later of the two (the legal filing time),
 * every dossier of it is filed then, and the fees collected for the agency are remitted with it
 * (QĐ 45 Đ7.4, Đ7.5, Đ15.2). A record already signed is left as it is: the first agency signature made it
 * complete, so a later one must not file or remit a second time.
 */
export function completeHandoverRecord(record: HandoverRecordState, agencySignature: AgencySignature, ids: NewIds): HandoverDecision {
  if (record.status === 'SIGNED') return unchanged(record);
  const filedAt = legalFilingTime({ postal: record.postalSignature, agency: agencySignature });
  const signed: HandoverRecordState = { ...record, status: 'SIGNED', agencySignature, signedAt: filedAt };
  const remittance = remittanceOf(signed, ids);
  return {
    record: signed,
    filed: true,
    remittance,
    events: [...signed.dossiers.map((dossier) => recordSignedEvent(signed, dossier.dossierId)), ...(remittance ? feesRemittedEvents(signed, remittance) : [])],
  };
}

function unchanged(record: HandoverRecordState): HandoverDecision {
  return { record, filed: false, remittance: null, events: [] };
}

function remittanceOf(record: HandoverRecordState, ids: NewIds): RemittanceMade | null {
  const remittance = remittanceForHandover(record.dossiers.map((dossier) => dossier.fees));
  if (!remittance) return null;
  return { ...remittance, id: ids.remittanceId, handoverRecordId: record.id, agencyId: record.agencyId, method: record.remittanceMethod, remittedAt: record.signedAt! };
}

function recordSignedEvent(record: HandoverRecordState, dossierId: string): HandoverEvent {
  const dossier = record.dossiers.find((d) => d.dossierId === dossierId)!;
  const postal = record.postalSignature;
  const agency = record.agencySignature!;
  const data: HandoverRecordSignedData = {
    dossierId,
    legId: dossier.legId,
    handoverRecordId: record.id,
    recordNumber: record.recordNumber,
    agencyId: record.agencyId,
    signedAt: record.signedAt!.toISOString(),
    postalSignedAt: postal.signedAt.toISOString(),
    agencySignedAt: agency.signedAt.toISOString(),
    agencySignatureSource: agency.source,
    itemsCounted: dossier.documentsCounted,
    // A record is only made once every count matched its slip (422 otherwise).
    componentsMatch: true,
    ...(record.dossiers.length > 1 ? { batchId: record.id } : {}),
    postalSigner: { role: postal.signerRole as PostalSignerRole, ref: postal.signerRef },
    agencySigner: { role: agency.signerRole as AgencySignerRole, ref: agency.signerRef },
    postalDeadlineMet: postalDeadlineMet(dossier.dueDate, postal.signedAt),
  };
  return { type: 'bcci.forwarding.handover-record-signed.v1', data };
}

function feesRemittedEvents(record: HandoverRecordState, remittance: RemittanceMade): HandoverEvent[] {
  return remittance.dossiers.map((fees) => {
    const data: FeesRemittedData = {
      dossierId: fees.dossierId,
      remittanceId: remittance.id,
      agencyId: remittance.agencyId,
      handoverRecordId: record.id,
      amount: fees.total,
      lines: fees.lines.map((line) => ({ feeCode: line.feeCode, amount: line.amount, ...(line.label ? { label: line.label } : {}) })),
      remittanceTotal: remittance.total,
      remittanceDossierCount: remittance.dossiers.length,
      method: remittance.method,
      remittedAt: remittance.remittedAt.toISOString(),
      // The post remits; the employee who signed the record hands the money over.
      actor: { role: record.postalSignature.signerRole as FeesRemittedData['actor']['role'], ref: record.postalSignature.signerRef },
    };
    return { type: 'bcci.forwarding.fees-remitted.v1', data };
  });
}
