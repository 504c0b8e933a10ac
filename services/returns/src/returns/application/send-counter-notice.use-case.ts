import { sendCounterNotice, type NoticeChannel } from '../domain/counter-pickup.rules';
import { eventActorOf } from './event-actor';
import type { ReturnCommand, ReturnCommandRunner } from './return-command';
import type { ReturnView } from './return.view';

export interface SendCounterNotice extends ReturnCommand {
  readonly sentAt: Date;
  readonly channel: NoticeChannel;
}

/** The clerk invites the citizen to collect the result at the counter (rule: domain/counter-pickup.rules.ts). */
export class SendCounterNoticeUseCase {
  constructor(private readonly runner: ReturnCommandRunner) {}

  execute(command: SendCounterNotice): Promise<ReturnView> {
    const request = { sentAt: command.sentAt.toISOString(), channel: command.channel };
    const actor = eventActorOf(command.actor);
    return this.runner.run('returns.counter-notice', command, request, (state, now) =>
      sendCounterNotice(state, { sentAt: command.sentAt, channel: command.channel, actor }, { now }),
    );
  }
}
