import type { EntityManager } from 'typeorm';
import type { EventContext } from './event-handler';

/** The consumer transaction a fact arrives in: the part of EventContext that gathering needs. */
export type ConsumerRun = Pick<EventContext, 'manager' | 'beforeCommit'>;

/**
 * Facts that handlers gather from the events of one consumer run, applied together just before the
 * run's transaction commits (EventContext.beforeCommit), in the order the events were handled: a
 * projection then locks and saves all the run's rows with a statement or two instead of a few per event.
 * The facts of different transactions never mix; a rolled-back run's facts are dropped with it.
 */
export class RunFacts<T> {
  private readonly runs = new WeakMap<EntityManager, T[]>();

  constructor(private readonly applyAll: (manager: EntityManager, facts: readonly T[]) => Promise<void>) {}

  add(run: ConsumerRun, fact: T): void {
    let facts = this.runs.get(run.manager);
    if (!facts) {
      const gathered: T[] = (facts = []);
      this.runs.set(run.manager, gathered);
      run.beforeCommit(gathered, async () => {
        this.runs.delete(run.manager);
        await this.applyAll(run.manager, gathered);
      });
    }
    facts.push(fact);
  }
}
