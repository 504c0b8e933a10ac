import type { ReturnDecision, ReturnState, StepActor, StepContext } from './return';
import { assertCanPickUp } from './return-journey.rules';
import { assertNotInFuture } from './step-time.rule';

export interface PickUpCommand {
  readonly pickedUpAt: Date;
  readonly itemsCount: number;
  readonly actor: StepActor;
}

/**
 * The courier takes the result from the agency; both sign for it (TT 17 Đ5.2.a). Only an open leg,
 * and not before the result was issued.
 */
export function pickUpAtAgency(state: ReturnState, command: PickUpCommand, context: StepContext): ReturnDecision {
  assertNotInFuture('pickedUpAt', command.pickedUpAt, context.now);
  // The leg's first step: the only earlier time it has is the result's issue.
  assertCanPickUp({ status: state.status, deliveryMode: state.deliveryMode ?? 'HOME', invitations: [], lastStepAt: state.issuedAt }, command.pickedUpAt);
  const next: ReturnState = { ...state, status: 'PICKED_UP', pickedUpAt: command.pickedUpAt, lastStepAt: command.pickedUpAt };
  return {
    state: next,
    events: [
      {
        type: 'bcci.returns.result-picked-up-at-agency.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId!,
          resultId: state.resultId!,
          s10ItemId: state.s10ItemId!,
          agencyId: state.agencyId!,
          pickedUpAt: command.pickedUpAt.toISOString(),
          itemsCount: command.itemsCount,
          actor: command.actor,
        },
      },
    ],
  };
}
