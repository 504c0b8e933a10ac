import type { HandoverDecision } from '../domain/handover-record';
import { postalDeadlineMet } from '../domain/leg-lateness.rule';
import type { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

/** What the API answers about a handover record (no personal data beyond the receiver's name the caller gave). */
export interface HandoverRecordView {
  readonly handoverRecordId: string;
  readonly recordNumber: string;
  readonly agencyId: string;
  readonly status: 'AWAITING_AGENCY_SIGNATURE' | 'SIGNED';
  /** Legal filing time (QĐ 45 Đ7.4); null until both sides have signed. */
  readonly signedAt: string | null;
  readonly postalSignedAt: string;
  readonly agencySignedAt: string | null;
  readonly agencySignatureSource: 'PAPER_RECORD' | 'AGENCY_GATEWAY' | null;
  readonly items: readonly {
    readonly dossierId: string;
    readonly s10ItemId: string;
    readonly documentsCounted: number;
    readonly postalDeadlineMet: boolean;
  }[];
  readonly remittance: { readonly remittanceId: string; readonly total: number; readonly dossierCount: number; readonly method: string } | null;
}

/**
 * The view of a record just decided, from the decision and the record's legs as the step locked them:
 * what the rows the step is writing say, without reading them back (tests compare the two).
 */
export function handoverRecordViewOf(decision: HandoverDecision, legs: readonly Pick<PostalLegOrmEntity, 'id' | 's10ItemId'>[]): HandoverRecordView {
  const { record, remittance } = decision;
  return {
    handoverRecordId: record.id,
    recordNumber: record.recordNumber,
    agencyId: record.agencyId,
    status: record.status,
    signedAt: record.signedAt?.toISOString() ?? null,
    postalSignedAt: record.postalSignature.signedAt.toISOString(),
    agencySignedAt: record.agencySignature?.signedAt.toISOString() ?? null,
    agencySignatureSource: record.agencySignature?.source ?? null,
    // In dossier id order, as the rows are read.
    items: [...record.dossiers]
      .sort((a, b) => (a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0))
      .map((dossier) => ({
        dossierId: dossier.dossierId,
        s10ItemId: legs.find((leg) => leg.id === dossier.legId)!.s10ItemId,
        documentsCounted: dossier.documentsCounted,
        postalDeadlineMet: postalDeadlineMet(dossier.dueDate, record.postalSignature.signedAt),
      })),
    remittance: remittance ? { remittanceId: remittance.id, total: remittance.total, dossierCount: remittance.dossiers.length, method: remittance.method } : null,
  };
}
