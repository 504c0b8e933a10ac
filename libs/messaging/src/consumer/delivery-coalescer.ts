import type { BatchControl, IncomingBatch } from '../ports/message-bus.port';

export interface Delivery {
  readonly batch: IncomingBatch;
  readonly control: BatchControl;
}

interface Waiting extends Delivery {
  readonly settle: (error?: unknown) => void;
}

/**
 * Gathers the batches the client hands over at the same time (every partition of one fetch, with
 * ConsumerRunOptions.concurrentPartitions) and passes them on together, one group at a time: the
 * processor then handles a fetch as one stream of runs instead of a transaction per partition. Batches
 * arriving while a group is being handled form the next group. The client commits what the group's
 * batches resolved once they are done (at most one commit per interval, however many batches).
 */
export class DeliveryCoalescer {
  private waiting: Waiting[] = [];
  private draining = false;

  constructor(private readonly handle: (deliveries: readonly Delivery[]) => Promise<void>) {}

  readonly deliver = (batch: IncomingBatch, control: BatchControl): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      this.waiting.push({ batch, control, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.draining) return;
      this.draining = true;
      // The client hands a fetch's batches over in one go: let them all arrive before the first group.
      setImmediate(() => void this.drain());
    });

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      let failure: unknown;
      try {
        await this.handle(group);
      } catch (error) {
        failure = error ?? new Error('batch handling failed');
      }
      for (const delivery of group) delivery.settle(failure);
    }
    this.draining = false;
  }
}
