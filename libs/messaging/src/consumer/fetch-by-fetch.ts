import type { MessageConsumer } from '../ports/message-bus.port';
import { DeliveryCoalescer, type Delivery } from './delivery-coalescer';
import { interruptibleSleep } from './interruptible-sleep';

/**
 * Partitions of one fetch handed over together (at least every partition a consumer reads: 5 topics of
 * 12 partitions today); a fetch then costs one handling (a service: one transaction per run of up to 50
 * messages), whatever the number of partitions its messages came from.
 */
const PARTITIONS_HANDLED_TOGETHER = 128;

export interface FetchByFetchOptions {
  /**
   * After handling a fetch that brought messages, wait this long before the next fetch: what arrives
   * meanwhile comes in one fetch, handled once, instead of one fetch each. A fetch that brought nothing
   * is not followed by a wait: the next one waits on the broker (a long poll) for the first new message.
   */
  readonly lingerMs: number;
  /** A fetch that brought this many messages or more is followed by the next one at once: more is waiting. */
  readonly fullAt?: number;
  /** Ends a wait at once when the consumer stops. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the consumer handing `handle` every partition's batch of one fetch together (DeliveryCoalescer),
 * lingering after each fetch that brought messages. An idle consumer then costs one long-polling fetch
 * at a time (kafkajs waits up to its maxWaitTimeInMs on the broker), and a busy one a fetch per linger.
 */
export async function runFetchByFetch(consumer: MessageConsumer, handle: (deliveries: readonly Delivery[]) => Promise<void>, options: FetchByFetchOptions): Promise<void> {
  const fullAt = options.fullAt ?? Number.POSITIVE_INFINITY;
  const coalescer = new DeliveryCoalescer(async (deliveries) => {
    await handle(deliveries);
    const messages = deliveries.reduce((sum, delivery) => sum + delivery.batch.messages.length, 0);
    // The client fetches again once this returns.
    if (options.lingerMs > 0 && messages > 0 && messages < fullAt) await interruptibleSleep(options.lingerMs, options.signal);
  });
  await consumer.run(coalescer.deliver, { concurrentPartitions: PARTITIONS_HANDLED_TOGETHER });
}
