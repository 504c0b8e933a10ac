import type { OutboxWriter } from '@bcci/messaging';
import { assertCanPickUp } from '../domain/return-journey.rules';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import { eventActorOf } from './event-actor';
import { assertNotInFuture, type ReturnCommand, type ReturnCommandRunner } from './return-command';
import { returnsOutboxEntry } from './returns-events';
import { returnView, type ReturnView } from './return.view';

export interface PickUpAtAgency extends ReturnCommand {
  readonly pickedUpAt: Date;
  readonly itemsCount: number;
}

/** The courier takes the result from the agency (both sign the handover of the result, TT 17 Đ5.2.a). */
export class PickUpAtAgencyUseCase {
  constructor(
    private readonly runner: ReturnCommandRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(command: PickUpAtAgency): Promise<ReturnView> {
    const request = { pickedUpAt: command.pickedUpAt.toISOString(), itemsCount: command.itemsCount };
    return this.runner.run('returns.pickup', command, request, async ({ manager, ret, now, causation }) => {
      assertNotInFuture('pickedUpAt', command.pickedUpAt, now);
      assertCanPickUp({ status: ret.status, deliveryMode: ret.deliveryMode!, invitations: [], lastStepAt: ret.issuedAt }, command.pickedUpAt);
      const updated: ReturnOrmEntity = { ...ret, status: 'PICKED_UP', pickedUpAt: command.pickedUpAt, lastStepAt: command.pickedUpAt, updatedAt: now };
      await manager.save(ReturnOrmEntity, updated);
      await this.outbox.append(
        manager,
        returnsOutboxEntry(
          'bcci.returns.result-picked-up-at-agency.v1',
          {
            dossierId: ret.dossierId,
            legId: ret.legId!,
            resultId: ret.resultId!,
            s10ItemId: ret.s10ItemId!,
            agencyId: ret.agencyId!,
            pickedUpAt: command.pickedUpAt.toISOString(),
            itemsCount: command.itemsCount,
            actor: eventActorOf(command.actor),
          },
          causation,
          now,
        ),
      );
      return returnView(updated);
    });
  }
}
