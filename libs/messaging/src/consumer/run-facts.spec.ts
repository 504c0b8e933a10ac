import type { EntityManager } from 'typeorm';
import { RunFacts, type ConsumerRun } from './run-facts';

/** A consumer run as MessageProcessor gives it: work registered under a key runs once, before the commit. */
function run(): ConsumerRun & { commit(): Promise<void> } {
  const manager = {} as EntityManager;
  const works = new Map<object, () => Promise<void>>();
  return {
    manager,
    beforeCommit: (key, work) => void (works.has(key) || works.set(key, work)),
    commit: async () => {
      for (const work of works.values()) await work();
    },
  };
}

describe('RunFacts', () => {
  it("applies a run's facts once, together and in the order they were added, just before the commit", async () => {
    const applied: Array<readonly string[]> = [];
    const facts = new RunFacts<string>(async (_manager, gathered) => void applied.push([...gathered]));
    const transaction = run();
    facts.add(transaction, 'scan 1');
    facts.add(transaction, 'code');
    facts.add(transaction, 'scan 2');
    expect(applied).toEqual([]);
    await transaction.commit();
    expect(applied).toEqual([['scan 1', 'code', 'scan 2']]);
  });

  it('keeps the facts of two transactions apart, and starts afresh in the next run of the same manager', async () => {
    const applied: Array<{ manager: EntityManager; facts: readonly string[] }> = [];
    const facts = new RunFacts<string>(async (manager, gathered) => void applied.push({ manager, facts: [...gathered] }));
    const first = run();
    const second = run();
    facts.add(first, 'a');
    facts.add(second, 'b');
    facts.add(first, 'c');
    await second.commit();
    await first.commit();
    expect(applied).toEqual([
      { manager: second.manager, facts: ['b'] },
      { manager: first.manager, facts: ['a', 'c'] },
    ]);
    const next = { ...run(), manager: first.manager };
    facts.add(next, 'd');
    await next.commit();
    expect(applied[2]).toEqual({ manager: first.manager, facts: ['d'] });
  });
});
