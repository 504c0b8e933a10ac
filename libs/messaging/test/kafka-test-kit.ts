import { randomBytes } from 'node:crypto';
import { acquireTestKafka, type TestKafkaLease } from '@bcci/persistence';
import { KafkajsMessageBus, type IncomingMessage, type MessageBus } from '@bcci/messaging';

export async function openTestBus(clientId: string): Promise<{ bus: KafkajsMessageBus; lease: TestKafkaLease }> {
  const lease = await acquireTestKafka();
  return { lease, bus: new KafkajsMessageBus({ clientId, brokers: lease.brokers, logLevel: 'ERROR', sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitTimeMs: 200 }) };
}

export const uniqueTopic = (label: string) => `bcci.test.${label}-${randomBytes(4).toString('hex')}.v1`;

/** Polls until `condition` holds; the Jest test timeout bounds the wait (no timing assertion). */
export async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Messages in the topic now: sum over partitions of high watermark minus first offset. */
export async function countMessages(bus: MessageBus, topic: string): Promise<number> {
  const offsets = await bus.topicOffsets(topic);
  return offsets.reduce((sum, { low, high }) => sum + Number(BigInt(high) - BigInt(low)), 0);
}

/** Reads every message of `topic` from the beginning with a throw-away group until `count` arrived. */
export async function readMessages(bus: MessageBus, topic: string, count: number): Promise<IncomingMessage[]> {
  const received: IncomingMessage[] = [];
  const consumer = await bus.createConsumer({ groupId: `reader-${randomBytes(4).toString('hex')}`, topics: [topic], fromBeginning: true });
  await consumer.run(async (batch, control) => {
    for (const message of batch.messages) {
      received.push(message);
      control.resolveOffset(message.offset);
    }
  });
  try {
    await waitUntil(() => received.length >= count);
  } finally {
    await consumer.disconnect();
  }
  return received;
}

/**
 * Polls until `condition` holds, failing after `timeoutMs` with what it waited for: a deadline against
 * hanging, not a timing assertion (generous on purpose; a slow machine only makes it slower).
 */
export async function eventually(waitingFor: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${waitingFor}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `promise`, or a failure naming `what` if it has not settled after `timeoutMs`. */
export async function withinDeadline<T>(what: string, promise: Promise<T>, timeoutMs = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
