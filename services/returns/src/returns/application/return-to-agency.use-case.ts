import { returnFromCounter } from '../domain/counter-pickup.rules';
import { eventActorOf } from './event-actor';
import type { ReturnCommand, ReturnCommandRunner } from './return-command';
import type { ReturnView } from './return.view';

export interface ReturnToAgency extends ReturnCommand {
  readonly returnedAt: Date;
}

/**
 * An uncollected counter result goes back to the agency (rule: returnFromCounter in
 * domain/counter-pickup.rules.ts). Home deliveries need no call: the second failed attempt does it.
 */
export class ReturnToAgencyUseCase {
  constructor(private readonly runner: ReturnCommandRunner) {}

  execute(command: ReturnToAgency): Promise<ReturnView> {
    const request = { returnedAt: command.returnedAt.toISOString() };
    const actor = eventActorOf(command.actor);
    return this.runner.run('returns.return-to-agency', command, request, (state, now) => returnFromCounter(state, { returnedAt: command.returnedAt, actor }, { now }));
  }
}
