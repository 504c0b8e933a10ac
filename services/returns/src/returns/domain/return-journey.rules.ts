import { addWorkingDays, toVietnamDate, type LocalDate } from '@bcci/kernel';
import {
  assertInvitationSpacing,
  INVITATIONS_BEFORE_RETURN,
  nextInvitationNotBefore,
  postalCalendar,
  WORKING_DAYS_BETWEEN_INVITATIONS,
  workingDaysSinceInvitation,
} from './invitation-spacing.rule';
import { notEnoughInvitations, timeBeforePrevious, wrongDeliveryMode, wrongState } from './returns.errors';
import type { ReturnState } from './return';
import type { DeliveryMode, ReturnStatus } from './return-status';

/** What the rules need to know about a return leg. */
export interface ReturnJourney {
  readonly status: ReturnStatus;
  readonly deliveryMode: DeliveryMode;
  /** Times of the invitations made so far: failed home attempts, or counter notices. */
  readonly invitations: readonly Date[];
  /** The latest step's time (pick-up, attempt, notice): a new step cannot be earlier. */
  readonly lastStepAt: Date | null;
}

/** The journey of a return, read from its state (a leg without a delivery mode yet is treated as home). */
export function journeyOf(state: ReturnState): ReturnJourney {
  return {
    status: state.status,
    deliveryMode: state.deliveryMode ?? 'HOME',
    invitations: state.invitations.map((at) => new Date(at)),
    lastStepAt: state.lastStepAt,
  };
}

function assertStatus(journey: ReturnJourney, action: string, allowed: readonly ReturnStatus[]): void {
  if (!allowed.includes(journey.status)) throw wrongState(action, journey.status, allowed);
}

function assertNotBeforeLastStep(journey: ReturnJourney, field: string, at: Date): void {
  if (journey.lastStepAt && at.getTime() < journey.lastStepAt.getTime()) throw timeBeforePrevious(field, journey.lastStepAt.toISOString());
}

/** The courier takes the result at the agency once the leg is open (QĐ 45 Đ8.3, TT 17 Đ5.2.a). */
export function assertCanPickUp(journey: ReturnJourney, at: Date): void {
  assertStatus(journey, 'pick up', ['OPEN']);
  assertNotBeforeLastStep(journey, 'pickedUpAt', at);
}

export interface FailedAttemptPlan {
  readonly attemptNumber: number;
  /** The second failed invitation sends the result back to the agency at once (TT 17 Đ5.2.h). */
  readonly returnsToAgency: boolean;
  /** When the next invitation may come, if there is one. */
  readonly nextAttemptNotBefore?: LocalDate;
}

/**
 * A failed home delivery is an invitation. The second one must come two working days (postal calendar)
 * after the first (422 otherwise); when it fails too, the result goes back to the agency: this
 * service does that automatically in the same transaction, so no result waits in a courier's bag for
 * someone to remember it.
 */
export function planFailedAttempt(journey: ReturnJourney, at: Date): FailedAttemptPlan {
  if (journey.deliveryMode !== 'HOME') throw wrongDeliveryMode('record a home delivery attempt', journey.deliveryMode);
  assertStatus(journey, 'record a delivery attempt', ['PICKED_UP', 'ATTEMPTED']);
  assertNotBeforeLastStep(journey, 'attemptedAt', at);
  const previous = journey.invitations[journey.invitations.length - 1];
  if (previous) assertInvitationSpacing(previous, at);
  const attemptNumber = journey.invitations.length + 1;
  const returnsToAgency = attemptNumber >= INVITATIONS_BEFORE_RETURN;
  return { attemptNumber, returnsToAgency, ...(returnsToAgency ? {} : { nextAttemptNotBefore: nextInvitationNotBefore(at) }) };
}

/** Home: the courier delivers after pick-up or after a failed invitation. Counter: a clerk hands it over. */
export function assertCanDeliver(journey: ReturnJourney, at: Date): void {
  const allowed: readonly ReturnStatus[] = journey.deliveryMode === 'HOME' ? ['PICKED_UP', 'ATTEMPTED'] : ['PICKED_UP', 'AT_COUNTER'];
  assertStatus(journey, 'deliver', allowed);
  assertNotBeforeLastStep(journey, 'deliveredAt', at);
}

export interface CounterNoticePlan {
  readonly noticeNumber: number;
  /** The result is held at the counter at least until the next invitation may be made. */
  readonly holdUntil: LocalDate;
}

/** Counter pick-up: each notice is an invitation, two working days apart like home attempts. */
export function planCounterNotice(journey: ReturnJourney, at: Date): CounterNoticePlan {
  if (journey.deliveryMode !== 'COUNTER') throw wrongDeliveryMode('send a counter pick-up notice', journey.deliveryMode);
  assertStatus(journey, 'send a counter pick-up notice', ['PICKED_UP', 'AT_COUNTER']);
  assertNotBeforeLastStep(journey, 'sentAt', at);
  const previous = journey.invitations[journey.invitations.length - 1];
  if (previous) assertInvitationSpacing(previous, at);
  return {
    noticeNumber: journey.invitations.length + 1,
    holdUntil: addWorkingDays(toVietnamDate(at), WORKING_DAYS_BETWEEN_INVITATIONS, postalCalendar()),
  };
}

/**
 * Counter pick-up not collected: the clerk sends the result back once two notices went out two working
 * days apart and two more working days passed after the last one without the citizen coming.
 * (Home deliveries go back automatically on the second failed attempt, see planFailedAttempt.)
 */
export function assertCanReturnFromCounter(journey: ReturnJourney, at: Date): void {
  if (journey.deliveryMode !== 'COUNTER') throw wrongDeliveryMode('return an uncollected counter result', journey.deliveryMode);
  assertStatus(journey, 'return to the agency', ['AT_COUNTER']);
  assertNotBeforeLastStep(journey, 'returnedAt', at);
  const last = journey.invitations[journey.invitations.length - 1];
  const waited = last ? workingDaysSinceInvitation(last, at) : 0;
  if (journey.invitations.length < INVITATIONS_BEFORE_RETURN || waited < WORKING_DAYS_BETWEEN_INVITATIONS) {
    throw notEnoughInvitations({
      invitations: journey.invitations.length,
      workingDaysSinceLast: waited,
      ...(last ? { notBefore: nextInvitationNotBefore(last) } : {}),
    });
  }
}
