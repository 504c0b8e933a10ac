import type { DeliveryFailureReason, PartyKind } from './delivery-failure-reason';
import type { DocumentCount } from './documents-taken-back.rule';

// The records a step leaves besides the return's new state: kept for audit and reports (QĐ 45 Đ12, Đ14).

/** A failed home delivery (UPU EMH), with who bears the cost of delivering again (QĐ 45 Đ12.4). */
export interface DeliveryAttemptRecord {
  readonly kind: 'delivery-attempt';
  readonly dossierId: string;
  readonly attemptNumber: number;
  readonly attemptedAt: Date;
  readonly postalCode: string;
  readonly reasonCode: DeliveryFailureReason;
  readonly costBorneBy: PartyKind;
  readonly invitationLeft: boolean;
  readonly note: string | null;
  readonly actorRole: string;
  readonly actorRef: string;
}

/** A notice inviting the citizen to collect the result at the counter. */
export interface CounterNoticeRecord {
  readonly kind: 'counter-notice';
  readonly dossierId: string;
  readonly noticeNumber: number;
  readonly channel: string;
  readonly sentAt: Date;
  readonly holdUntil: string;
  readonly actorRef: string;
}

/** The handover to the recipient (UPU EMI): the ID document's type only, never its number. */
export interface DeliveryRecord {
  readonly kind: 'delivery';
  readonly dossierId: string;
  readonly deliveredAt: Date;
  readonly postalCode: string;
  readonly recipientKind: string;
  readonly identityDocumentType: string;
  readonly authorisationRef: string | null;
  readonly takenBackDocuments: readonly DocumentCount[];
  readonly feesCollected: number;
  readonly actorRole: string;
  readonly actorRef: string;
}

/** The incident record of a loss or damage (QĐ 45 Đ14). */
export interface IncidentRecord {
  readonly kind: 'incident';
  readonly id: string;
  readonly dossierId: string;
  readonly legDirection: string;
  readonly incidentKind: string;
  readonly affectedItem: string;
  readonly partyAtFault: string;
  readonly cost: number;
  readonly compensation: number;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly postalCode: string;
  readonly description: string;
  readonly actorRole: string;
  readonly actorRef: string;
}

export type ReturnRecord = DeliveryAttemptRecord | CounterNoticeRecord | DeliveryRecord | IncidentRecord;
