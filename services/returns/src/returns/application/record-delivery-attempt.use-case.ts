import type { DeliveryFailureReason, PartyKind } from '../domain/delivery-failure-reason';
import { recordFailedAttempt } from '../domain/delivery.rules';
import { eventActorOf } from './event-actor';
import type { ReturnCommand, ReturnCommandRunner } from './return-command';
import type { ReturnView } from './return.view';

export interface RecordDeliveryAttempt extends ReturnCommand {
  readonly attemptedAt: Date;
  readonly reasonCode: DeliveryFailureReason;
  /** Who bears the cost of delivering again; by default from the reason (QĐ 45 Đ12.4). */
  readonly costBorneBy?: PartyKind;
  readonly invitationLeft: boolean;
  readonly note?: string;
}

/**
 * A failed home delivery: an invitation, and on the second failure the result goes back to the agency
 * in the same transaction (rule: recordFailedAttempt in domain/delivery.rules.ts).
 */
export class RecordDeliveryAttemptUseCase {
  constructor(private readonly runner: ReturnCommandRunner) {}

  execute(command: RecordDeliveryAttempt): Promise<ReturnView> {
    const request = {
      attemptedAt: command.attemptedAt.toISOString(),
      reasonCode: command.reasonCode,
      costBorneBy: command.costBorneBy ?? null,
      invitationLeft: command.invitationLeft,
      note: command.note ?? null,
    };
    const actor = eventActorOf(command.actor);
    return this.runner.run('returns.attempt', command, request, (state, now) =>
      recordFailedAttempt(
        state,
        {
          attemptedAt: command.attemptedAt,
          reasonCode: command.reasonCode,
          ...(command.costBorneBy ? { costBorneBy: command.costBorneBy } : {}),
          invitationLeft: command.invitationLeft,
          ...(command.note ? { note: command.note } : {}),
          actor,
        },
        { now },
      ),
    );
  }
}
