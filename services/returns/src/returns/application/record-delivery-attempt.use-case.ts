import type { OutboxWriter } from '@bcci/messaging';
import { defaultRedeliveryCostBearer, type DeliveryFailureReason, type PartyKind } from '../domain/delivery-failure-reason';
import { planFailedAttempt } from '../domain/return-journey.rules';
import { DeliveryAttemptOrmEntity } from '../persistence/delivery-attempt.orm-entity';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import { eventActorOf } from './event-actor';
import { assertNotInFuture, journeyOf, type ReturnCommand, type ReturnCommandRunner } from './return-command';
import { returnsOutboxEntry } from './returns-events';
import { returnView, type ReturnView } from './return.view';

export interface RecordDeliveryAttempt extends ReturnCommand {
  readonly attemptedAt: Date;
  readonly reasonCode: DeliveryFailureReason;
  /** Who bears the cost of delivering again; by default from the reason (QĐ 45 Đ12.4). */
  readonly costBorneBy?: PartyKind;
  readonly invitationLeft: boolean;
  readonly note?: string;
}

/**
 * A failed home delivery (UPU EMH) is an invitation. The second must come two working days after the
 * first (422 otherwise); when it fails too, the result goes back to the agency in the same
 * transaction (result-returned-to-agency, reason DELIVERY_FAILED_TWICE).
 */
export class RecordDeliveryAttemptUseCase {
  constructor(
    private readonly runner: ReturnCommandRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(command: RecordDeliveryAttempt): Promise<ReturnView> {
    const request = {
      attemptedAt: command.attemptedAt.toISOString(),
      reasonCode: command.reasonCode,
      costBorneBy: command.costBorneBy ?? null,
      invitationLeft: command.invitationLeft,
      note: command.note ?? null,
    };
    return this.runner.run('returns.attempt', command, request, async ({ manager, ret, now, causation }) => {
      assertNotInFuture('attemptedAt', command.attemptedAt, now);
      const plan = planFailedAttempt(journeyOf(ret), command.attemptedAt);
      const costBorneBy = command.costBorneBy ?? defaultRedeliveryCostBearer(command.reasonCode);
      const actor = eventActorOf(command.actor);
      await manager.insert(DeliveryAttemptOrmEntity, {
        dossierId: ret.dossierId,
        attemptNumber: plan.attemptNumber,
        attemptedAt: command.attemptedAt,
        postalCode: ret.destinationPostalCode!,
        reasonCode: command.reasonCode,
        costBorneBy,
        invitationLeft: command.invitationLeft,
        note: command.note ?? null,
        actorRole: actor.role,
        actorRef: actor.ref,
      });
      const updated: ReturnOrmEntity = {
        ...ret,
        status: plan.returnsToAgency ? 'RETURNED_TO_AGENCY' : 'ATTEMPTED',
        invitations: [...ret.invitations, command.attemptedAt.toISOString()],
        lastStepAt: command.attemptedAt,
        returnedAt: plan.returnsToAgency ? command.attemptedAt : null,
        updatedAt: now,
      };
      await manager.save(ReturnOrmEntity, updated);
      await this.outbox.append(
        manager,
        returnsOutboxEntry(
          'bcci.returns.delivery-attempted.v1',
          {
            dossierId: ret.dossierId,
            legId: ret.legId!,
            s10ItemId: ret.s10ItemId!,
            attemptNumber: plan.attemptNumber,
            attemptedAt: command.attemptedAt.toISOString(),
            postalCode: ret.destinationPostalCode!,
            eventCode: 'EMH',
            reasonCode: command.reasonCode,
            ...(command.note ? { note: command.note } : {}),
            invitationLeft: command.invitationLeft,
            ...(plan.nextAttemptNotBefore ? { nextAttemptNotBefore: plan.nextAttemptNotBefore } : {}),
            deliveryMode: 'HOME',
            redeliveryCostBorneBy: costBorneBy,
            actor,
          },
          causation,
          now,
        ),
      );
      if (plan.returnsToAgency) {
        await this.outbox.append(
          manager,
          returnsOutboxEntry(
            'bcci.returns.result-returned-to-agency.v1',
            {
              dossierId: ret.dossierId,
              legId: ret.legId!,
              s10ItemId: ret.s10ItemId!,
              agencyId: ret.agencyId!,
              returnedAt: command.attemptedAt.toISOString(),
              reason: command.reasonCode === 'REFUSED' ? 'REFUSED_BY_RECIPIENT' : 'DELIVERY_FAILED_TWICE',
              attempts: plan.attemptNumber,
              actor,
            },
            causation,
            now,
          ),
        );
      }
      return returnView(updated);
    });
  }
}
