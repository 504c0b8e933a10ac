import type { Actor, DocumentToTakeBack, EventDataMap } from '@bcci/contracts';
import type { ReturnRecord } from './return-records';
import type { DeliveryMode, ReturnedItem, ReturnStatus, ServiceForm } from './return-status';

/**
 * One dossier's return as the rules see it: the aggregate every decision of this service works on.
 * It is built from what returns learnt on Kafka (the registration's return destination, the agency's
 * result or refusal slip) and from the courier's and clerk's steps on the return leg.
 */
export interface ReturnState {
  readonly dossierId: string;
  readonly status: ReturnStatus;

  // From the registration (bcci.intake.dossier-registered.v1); null until it is known.
  readonly serviceForm: ServiceForm | null;
  readonly recipientRef: string | null;
  readonly deliveryMode: DeliveryMode | null;
  readonly destinationPostalCode: string | null;
  readonly destinationProvinceCode: string | null;

  // From the agency (result-issued, or dossier-rejected with its refusal slip); null until it is known.
  readonly returnedItem: ReturnedItem | null;
  readonly resultId: string | null;
  readonly agencyId: string | null;
  readonly issuedAt: Date | null;
  readonly feesOwed: number | null;
  /** What the recipient hands back for the agency before getting the result (TT 17/2017 Đ5.2.đ). */
  readonly documentsToTakeBack: readonly DocumentToTakeBack[];

  // The return leg, once open.
  readonly legId: string | null;
  readonly s10ItemId: string | null;
  readonly legClass: string | null;
  readonly startDay: string | null;
  readonly workingDays: number | null;
  readonly dueDate: string | null;
  readonly openedAt: Date | null;
  readonly pickedUpAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly returnedAt: Date | null;
  /** Times of the invitations (failed home attempts or counter notices), ISO strings in order. */
  readonly invitations: readonly string[];
  /** The latest step's time: a new step cannot be earlier. */
  readonly lastStepAt: Date | null;

  /** The chain's correlation id, carried by every event of the return. */
  readonly correlationId: string;
}

type ReturnEventType =
  | 'bcci.returns.return-leg-opened.v1'
  | 'bcci.returns.result-picked-up-at-agency.v1'
  | 'bcci.returns.delivery-attempted.v1'
  | 'bcci.returns.result-delivered.v1'
  | 'bcci.returns.result-returned-to-agency.v1'
  | 'bcci.returns.counter-pickup-notice-sent.v1'
  | 'bcci.returns.incident-recorded.v1';

/** An event a decision asks to publish (the application wraps it in its envelope and the outbox). */
export type ReturnEvent = { [T in ReturnEventType]: { readonly type: T; readonly data: EventDataMap[T] } }[ReturnEventType];

/**
 * What a decision on a return comes to: the next state, the events that tell it, and the record of
 * the step when the step leaves one (an attempt, a notice, a delivery, an incident). A decision that
 * changes nothing returns the very state object it was given.
 */
export interface ReturnDecision {
  readonly state: ReturnState;
  readonly events: readonly ReturnEvent[];
  readonly record?: ReturnRecord;
}

/** What every courier or clerk step carries besides its own facts. */
export interface StepContext {
  /** The service's clock: a reported time cannot be later than this (a minute of drift allowed). */
  readonly now: Date;
}

/** The person who did the step, as events name them (a role and a business reference, never a name). */
export type StepActor = Actor;
