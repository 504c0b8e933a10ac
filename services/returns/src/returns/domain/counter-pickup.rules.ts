import type { ReturnDecision, ReturnState, StepActor, StepContext } from './return';
import { assertCanReturnFromCounter, journeyOf, planCounterNotice } from './return-journey.rules';
import { assertNotInFuture } from './step-time.rule';

export const NOTICE_CHANNELS = ['SMS', 'ZALO', 'PAPER_NOTICE', 'PHONE_CALL', 'EMAIL'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export interface CounterNoticeCommand {
  readonly sentAt: Date;
  /** How the citizen was told (the contact details themselves stay with intake). */
  readonly channel: NoticeChannel;
  readonly actor: StepActor;
}

/** The clerk invites the citizen to collect the result at the counter: an invitation like a home attempt. */
export function sendCounterNotice(state: ReturnState, command: CounterNoticeCommand, context: StepContext): ReturnDecision {
  assertNotInFuture('sentAt', command.sentAt, context.now);
  const plan = planCounterNotice(journeyOf(state), command.sentAt);
  const at = command.sentAt;
  return {
    state: { ...state, status: 'AT_COUNTER', invitations: [...state.invitations, at.toISOString()], lastStepAt: at },
    events: [
      {
        type: 'bcci.returns.counter-pickup-notice-sent.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId!,
          s10ItemId: state.s10ItemId!,
          postalCode: state.destinationPostalCode!,
          noticeNumber: plan.noticeNumber,
          noticeChannel: command.channel,
          sentAt: at.toISOString(),
          holdUntil: plan.holdUntil,
          actor: command.actor,
        },
      },
    ],
    record: {
      kind: 'counter-notice',
      dossierId: state.dossierId,
      noticeNumber: plan.noticeNumber,
      channel: command.channel,
      sentAt: at,
      holdUntil: plan.holdUntil,
      actorRef: command.actor.ref,
    },
  };
}

export interface ReturnFromCounterCommand {
  readonly returnedAt: Date;
  readonly actor: StepActor;
}

/**
 * An uncollected counter result goes back to the agency (TT 17/2017 Đ5.2.h) once two notices went out
 * two working days apart and two more working days passed. Home deliveries need no such step: the
 * second failed attempt sends the result back by itself (recordFailedAttempt).
 */
export function returnFromCounter(state: ReturnState, command: ReturnFromCounterCommand, context: StepContext): ReturnDecision {
  assertNotInFuture('returnedAt', command.returnedAt, context.now);
  assertCanReturnFromCounter(journeyOf(state), command.returnedAt);
  const at = command.returnedAt;
  return {
    state: { ...state, status: 'RETURNED_TO_AGENCY', returnedAt: at, lastStepAt: at },
    events: [
      {
        type: 'bcci.returns.result-returned-to-agency.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId!,
          s10ItemId: state.s10ItemId!,
          agencyId: state.agencyId!,
          returnedAt: at.toISOString(),
          reason: 'NOT_COLLECTED_AT_COUNTER',
          attempts: state.invitations.length,
          actor: command.actor,
        },
      },
    ],
  };
}
