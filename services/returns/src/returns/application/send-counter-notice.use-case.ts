import type { OutboxWriter } from '@bcci/messaging';
import { planCounterNotice } from '../domain/return-journey.rules';
import { CounterNoticeOrmEntity } from '../persistence/counter-notice.orm-entity';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import { eventActorOf } from './event-actor';
import { assertNotInFuture, journeyOf, type ReturnCommand, type ReturnCommandRunner } from './return-command';
import { returnsOutboxEntry } from './returns-events';
import { returnView, type ReturnView } from './return.view';

export const NOTICE_CHANNELS = ['SMS', 'ZALO', 'PAPER_NOTICE', 'PHONE_CALL', 'EMAIL'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export interface SendCounterNotice extends ReturnCommand {
  readonly sentAt: Date;
  readonly channel: NoticeChannel;
}

/** The clerk invites the citizen to collect the result at the counter (the contact details stay with intake). */
export class SendCounterNoticeUseCase {
  constructor(
    private readonly runner: ReturnCommandRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(command: SendCounterNotice): Promise<ReturnView> {
    const request = { sentAt: command.sentAt.toISOString(), channel: command.channel };
    return this.runner.run('returns.counter-notice', command, request, async ({ manager, ret, now, causation }) => {
      assertNotInFuture('sentAt', command.sentAt, now);
      const plan = planCounterNotice(journeyOf(ret), command.sentAt);
      const actor = eventActorOf(command.actor);
      await manager.insert(CounterNoticeOrmEntity, {
        dossierId: ret.dossierId,
        noticeNumber: plan.noticeNumber,
        channel: command.channel,
        sentAt: command.sentAt,
        holdUntil: plan.holdUntil,
        actorRef: actor.ref,
      });
      const updated: ReturnOrmEntity = {
        ...ret,
        status: 'AT_COUNTER',
        invitations: [...ret.invitations, command.sentAt.toISOString()],
        lastStepAt: command.sentAt,
        updatedAt: now,
      };
      await manager.save(ReturnOrmEntity, updated);
      await this.outbox.append(
        manager,
        returnsOutboxEntry(
          'bcci.returns.counter-pickup-notice-sent.v1',
          {
            dossierId: ret.dossierId,
            legId: ret.legId!,
            s10ItemId: ret.s10ItemId!,
            postalCode: ret.destinationPostalCode!,
            noticeNumber: plan.noticeNumber,
            noticeChannel: command.channel,
            sentAt: command.sentAt.toISOString(),
            holdUntil: plan.holdUntil,
            actor,
          },
          causation,
          now,
        ),
      );
      return returnView(updated);
    });
  }
}
