import type { BatchControl, IncomingBatch } from '@bcci/messaging';
import { DeliveryCoalescer, type Delivery } from './delivery-coalescer';

const batch = (partition: number): IncomingBatch => ({ topic: 't', partition, messages: [] });

function control(log: string[]): BatchControl {
  return {
    resolveOffset: () => undefined,
    commitOffsetsIfNecessary: async () => undefined,
    commitOffsets: async () => void log.push('commit offsets'),
    heartbeat: async () => undefined,
    shouldContinue: () => true,
  };
}

describe('DeliveryCoalescer', () => {
  it('hands the batches delivered together over as one group, then commits their offsets once', async () => {
    const log: string[] = [];
    const coalescer = new DeliveryCoalescer(async (deliveries: readonly Delivery[]) => void log.push(`handle ${deliveries.map((d) => d.batch.partition).join(',')}`));
    await Promise.all([0, 1, 2].map((partition) => coalescer.deliver(batch(partition), control(log))));
    expect(log).toEqual(['handle 0,1,2', 'commit offsets']);
  });

  it('gathers what arrives while a group is handled into the next group', async () => {
    const log: string[] = [];
    let release!: () => void;
    const firstHandled = new Promise<void>((resolve) => (release = resolve));
    const coalescer = new DeliveryCoalescer(async (deliveries: readonly Delivery[]) => {
      log.push(`handle ${deliveries.map((d) => d.batch.partition).join(',')}`);
      if (deliveries[0]!.batch.partition === 0) await firstHandled;
    });
    const first = coalescer.deliver(batch(0), control(log));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [coalescer.deliver(batch(1), control(log)), coalescer.deliver(batch(2), control(log))];
    release();
    await Promise.all([first, ...later]);
    expect(log).toEqual(['handle 0', 'commit offsets', 'handle 1,2', 'commit offsets']);
  });

  it('settles a handled group even when its commit fails (a rebalance starting): the client commits again', async () => {
    const coalescer = new DeliveryCoalescer(async () => undefined);
    const failingCommit = { ...control([]), commitOffsets: async () => Promise.reject(new Error('rebalancing')) };
    await expect(coalescer.deliver(batch(0), failingCommit)).resolves.toBeUndefined();
  });

  it('fails every batch of a group whose handling failed, and commits nothing for it', async () => {
    const log: string[] = [];
    const coalescer = new DeliveryCoalescer(async () => {
      throw new Error('rebalance');
    });
    const results = await Promise.allSettled([0, 1].map((partition) => coalescer.deliver(batch(partition), control(log))));
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(log).toEqual([]);
  });
});
