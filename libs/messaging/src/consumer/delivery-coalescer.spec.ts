import type { BatchControl, IncomingBatch } from '@bcci/messaging';
import { DeliveryCoalescer, type Delivery } from './delivery-coalescer';

const batch = (partition: number): IncomingBatch => ({ topic: 't', partition, messages: [] });

function control(): BatchControl {
  return {
    resolveOffset: () => undefined,
    commitOffsetsIfNecessary: async () => undefined,
    heartbeat: async () => undefined,
    shouldContinue: () => true,
  };
}

describe('DeliveryCoalescer', () => {
  it('hands the batches delivered together over as one group', async () => {
    const log: string[] = [];
    const coalescer = new DeliveryCoalescer(async (deliveries: readonly Delivery[]) => void log.push(`handle ${deliveries.map((d) => d.batch.partition).join(',')}`));
    await Promise.all([0, 1, 2].map((partition) => coalescer.deliver(batch(partition), control())));
    expect(log).toEqual(['handle 0,1,2']);
  });

  it('gathers what arrives while a group is handled into the next group', async () => {
    const log: string[] = [];
    let release!: () => void;
    const firstHandled = new Promise<void>((resolve) => (release = resolve));
    const coalescer = new DeliveryCoalescer(async (deliveries: readonly Delivery[]) => {
      log.push(`handle ${deliveries.map((d) => d.batch.partition).join(',')}`);
      if (deliveries[0]!.batch.partition === 0) await firstHandled;
    });
    const first = coalescer.deliver(batch(0), control());
    await new Promise((resolve) => setImmediate(resolve));
    const later = [coalescer.deliver(batch(1), control()), coalescer.deliver(batch(2), control())];
    release();
    await Promise.all([first, ...later]);
    expect(log).toEqual(['handle 0', 'handle 1,2']);
  });

  it('fails every batch of a group whose handling failed', async () => {
    const coalescer = new DeliveryCoalescer(async () => {
      throw new Error('rebalance');
    });
    const results = await Promise.allSettled([0, 1].map((partition) => coalescer.deliver(batch(partition), control())));
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
