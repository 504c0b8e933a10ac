import type { FeesRemittedData, HandoverRecordSignedData } from '@bcci/contracts';
import type { LocalDate } from '@bcci/kernel';
import type { DossierFees, Remittance } from './fee-remittance.rule';
import type { AgencySignature, DossierAcknowledgement, Signature } from './handover-signatures.rule';

export type HandoverRecordStatus = 'AWAITING_AGENCY_SIGNATURE' | 'SIGNED';
export type RemittanceMethod = 'CASH' | 'BANK_TRANSFER';

/** One dossier of a handover record, with what filing and remittance need to know about it. */
export interface HandedOverDossier {
  readonly dossierId: string;
  readonly legId: string;
  /** The count both sides agreed on (it matched the sending slip, or there would be no record). */
  readonly documentsCounted: number;
  /** J + n of its postal leg. */
  readonly dueDate: LocalDate;
  /** Agency fees collected at intake, remitted with the handover. */
  readonly fees: DossierFees;
}

/**
 * The handover record (Biên bản giao nhận, QĐ 45 Đ7.3) as the rules see it. It is the aggregate the
 * handover decisions work on: a record, its dossiers, and the two signatures it needs.
 */
export interface HandoverRecordState {
  readonly id: string;
  readonly recordNumber: string;
  readonly agencyId: string;
  readonly status: HandoverRecordStatus;
  readonly postalSignature: Signature;
  readonly agencySignature: AgencySignature | null;
  /** Legal filing time: the later signature, once both are there. */
  readonly signedAt: Date | null;
  readonly remittanceMethod: RemittanceMethod;
  readonly dossiers: readonly HandedOverDossier[];
}

/**
 * What a dossier's acknowledgement is decided against: the record it is in (if the post has recorded
 * one yet) and the agency acknowledgements already kept for that record's dossiers and for this one.
 */
export interface AcknowledgementState {
  readonly record: HandoverRecordState | null;
  readonly acknowledgements: readonly DossierAcknowledgement[];
}

export type HandoverEvent =
  | { readonly type: 'bcci.forwarding.handover-record-signed.v1'; readonly data: HandoverRecordSignedData }
  | { readonly type: 'bcci.forwarding.fees-remitted.v1'; readonly data: FeesRemittedData };

/** The fees handed to the agency with a completed record. */
export interface RemittanceMade extends Remittance {
  readonly id: string;
  readonly handoverRecordId: string;
  readonly agencyId: string;
  readonly method: RemittanceMethod;
  readonly remittedAt: Date;
}

/** A decision on a handover record: its next state and what to write and say because of it. */
export interface HandoverDecision {
  readonly record: HandoverRecordState;
  /** True when this decision completed the record: its dossiers are filed at `record.signedAt`. */
  readonly filed: boolean;
  readonly remittance: RemittanceMade | null;
  readonly events: readonly HandoverEvent[];
}

/** Ids the rules cannot make up themselves (they stay pure): the remittance's, if there is one. */
export interface NewIds {
  readonly remittanceId: string;
}
