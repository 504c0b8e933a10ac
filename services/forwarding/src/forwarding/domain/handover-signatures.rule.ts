/**
 * The handover record (Biên bản giao nhận, QĐ 45 Đ7.3) is one document signed by the postal employee
 * and the agency's receiver. The legal filing time (Đ7.4) is the signing of that record, i.e. the
 * moment it carries BOTH signatures.
 *
 * Which side is authoritative: neither event alone. The postal signature always comes from the
 * courier or clerk (POST /handover-records). The agency's signature arrives either on the paper record
 * (the courier records the receiver's name with the same signing time) or from the agency gateway
 * (`handover-acknowledged`), whichever arrives first; a later copy of the agency's signature changes
 * nothing. The record is complete when both are present, and its signing time is the later of the
 * two: before that instant the agency had not yet signed, or the post had not yet handed over.
 * Forwarding's `handover-record-signed.signedAt` is therefore the authoritative filing time.
 */
export type AgencySignatureSource = 'PAPER_RECORD' | 'AGENCY_GATEWAY';

export interface Signature {
  readonly signerRole: string;
  readonly signerRef: string;
  readonly signedAt: Date;
}

export interface AgencySignature extends Signature {
  readonly source: AgencySignatureSource;
}

export interface RecordSignatures {
  readonly postal: Signature;
  readonly agency: AgencySignature | null;
}

export function isRecordComplete(signatures: RecordSignatures): boolean {
  return signatures.agency !== null;
}

/** The legal filing time of a complete record: the later signature. */
export function legalFilingTime(signatures: RecordSignatures): Date {
  if (!signatures.agency) throw new Error('A handover record without the agency signature has no filing time');
  const postal = signatures.postal.signedAt.getTime();
  const agency = signatures.agency.signedAt.getTime();
  return new Date(Math.max(postal, agency));
}

/** One agency acknowledgement per dossier, as received from the agency gateway. */
export interface DossierAcknowledgement {
  readonly dossierId: string;
  readonly signerRole: string;
  readonly signerRef: string;
  readonly acknowledgedAt: Date;
}

/**
 * The agency signs through the gateway dossier by dossier (a batch arrives as one event per dossier).
 * The record's agency signature exists once every dossier of it is acknowledged, at the latest of
 * those acknowledgements.
 */
export function agencySignatureFromAcknowledgements(
  dossierIds: readonly string[],
  acknowledgements: readonly DossierAcknowledgement[],
): AgencySignature | null {
  const byDossier = new Map(acknowledgements.map((ack) => [ack.dossierId, ack]));
  let latest: DossierAcknowledgement | undefined;
  for (const dossierId of dossierIds) {
    const ack = byDossier.get(dossierId);
    if (!ack) return null;
    if (!latest || ack.acknowledgedAt.getTime() > latest.acknowledgedAt.getTime()) latest = ack;
  }
  if (!latest) return null;
  return { signerRole: latest.signerRole, signerRef: latest.signerRef, signedAt: latest.acknowledgedAt, source: 'AGENCY_GATEWAY' };
}
