import type { OutboxWriter } from '@bcci/messaging';
import { assertCanReturnFromCounter } from '../domain/return-journey.rules';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import { eventActorOf } from './event-actor';
import { assertNotInFuture, journeyOf, type ReturnCommand, type ReturnCommandRunner } from './return-command';
import { returnsOutboxEntry } from './returns-events';
import { returnView, type ReturnView } from './return.view';

export interface ReturnToAgency extends ReturnCommand {
  readonly returnedAt: Date;
}

/**
 * An uncollected counter result goes back to the agency (TT 17/2017 Đ5.2.h) once two notices went out
 * two working days apart and two more working days passed. Home deliveries need no call: the second
 * failed attempt sends the result back by itself.
 */
export class ReturnToAgencyUseCase {
  constructor(
    private readonly runner: ReturnCommandRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(command: ReturnToAgency): Promise<ReturnView> {
    const request = { returnedAt: command.returnedAt.toISOString() };
    return this.runner.run('returns.return-to-agency', command, request, async ({ manager, ret, now, causation }) => {
      assertNotInFuture('returnedAt', command.returnedAt, now);
      assertCanReturnFromCounter(journeyOf(ret), command.returnedAt);
      const updated: ReturnOrmEntity = { ...ret, status: 'RETURNED_TO_AGENCY', returnedAt: command.returnedAt, lastStepAt: command.returnedAt, updatedAt: now };
      await manager.save(ReturnOrmEntity, updated);
      await this.outbox.append(
        manager,
        returnsOutboxEntry(
          'bcci.returns.result-returned-to-agency.v1',
          {
            dossierId: ret.dossierId,
            legId: ret.legId!,
            s10ItemId: ret.s10ItemId!,
            agencyId: ret.agencyId!,
            returnedAt: command.returnedAt.toISOString(),
            reason: 'NOT_COLLECTED_AT_COUNTER',
            attempts: ret.invitations.length,
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
