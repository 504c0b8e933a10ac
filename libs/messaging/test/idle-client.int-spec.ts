import type { KafkajsMessageBus, MessageConsumer, MessageProducer } from '@bcci/messaging';
import type { TestKafkaLease } from '@bcci/persistence';
import { openTestBus, uniqueTopic, waitUntil } from './kafka-test-kit';

interface RequestQueuePrototype {
  checkPendingRequests(this: unknown): void;
}

// Real broker: connected, idle kafkajs clients must not keep their process awake. kafkajs 2.2.4 as
// published checks each connection's request queue every millisecond, for ever (see
// request-queue-timer-fix.ts); every service paid 30-50 ms of CPU per second for it, idle or not.
describe('idle kafkajs clients', () => {
  let bus: KafkajsMessageBus;
  let lease: TestKafkaLease;
  let producer: MessageProducer;
  let consumer: MessageConsumer;

  beforeAll(async () => {
    ({ bus, lease } = await openTestBus('idle-client-test'));
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await lease.release();
  });

  it('check their request queues only when requests come and go, not on a timer', async () => {
    const topic = uniqueTopic('idle');
    producer = await bus.createProducer();
    await bus.ensureTopics([{ topic }]);
    await producer.send([{ topic, key: 'k', value: 'one message, so that every connection is in use', headers: {} }]);
    consumer = await bus.createConsumer({ groupId: `idle-${topic}`, topics: [topic], fromBeginning: true });
    let received = 0;
    await consumer.run(async (batch, control) => {
      for (const message of batch.messages) control.resolveOffset(message.offset);
      received += batch.messages.length;
    });
    await waitUntil(() => received === 1);

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueuePrototype };
    const original = RequestQueue.prototype.checkPendingRequests;
    let checks = 0;
    RequestQueue.prototype.checkPendingRequests = function (this: unknown) {
      checks += 1;
      return original.call(this);
    };
    try {
      // Idle for a second: the consumer's fetches long-poll 200 ms (maxWaitTimeMs) and it heartbeats every
      // 500 ms, so a few dozen answered requests at most. The unfixed queue checks a thousand times a
      // second on each of the producer's, the consumer's and the coordinator's connections.
      const idleUntil = Date.now() + 1000;
      await waitUntil(() => Date.now() >= idleUntil);
    } finally {
      RequestQueue.prototype.checkPendingRequests = original;
    }
    expect(checks).toBeLessThan(100);
  });
});
