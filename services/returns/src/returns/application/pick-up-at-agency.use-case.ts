import { pickUpAtAgency } from '../domain/pick-up.rules';
import { eventActorOf } from './event-actor';
import type { ReturnCommand, ReturnCommandRunner } from './return-command';
import type { ReturnView } from './return.view';

export interface PickUpAtAgency extends ReturnCommand {
  readonly pickedUpAt: Date;
  readonly itemsCount: number;
}

/** The courier takes the result from the agency (rule: domain/pick-up.rules.ts). */
export class PickUpAtAgencyUseCase {
  constructor(private readonly runner: ReturnCommandRunner) {}

  execute(command: PickUpAtAgency): Promise<ReturnView> {
    const request = { pickedUpAt: command.pickedUpAt.toISOString(), itemsCount: command.itemsCount };
    const actor = eventActorOf(command.actor);
    return this.runner.run('returns.pickup', command, request, (state, now) =>
      pickUpAtAgency(state, { pickedUpAt: command.pickedUpAt, itemsCount: command.itemsCount, actor }, { now }),
    );
  }
}
