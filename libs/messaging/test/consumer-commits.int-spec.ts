import { randomBytes } from 'node:crypto';
import type { KafkajsMessageBus, MessageConsumer, MessageProducer } from '@bcci/messaging';
import type { TestKafkaLease } from '@bcci/persistence';
import { openTestBus, uniqueTopic, waitUntil } from './kafka-test-kit';

// Real broker: a consumer commits what it handled at most once per interval, not after every batch, and
// still gets every handled offset to the broker: shortly after its last batch when it goes idle, and
// before it leaves its group on disconnect (a restart then starts after what was handled).
describe('consumer offset commits', () => {
  let bus: KafkajsMessageBus;
  let lease: TestKafkaLease;
  let producer: MessageProducer;

  beforeAll(async () => {
    ({ bus, lease } = await openTestBus('commit-test'));
    producer = await bus.createProducer();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await lease?.release();
  });

  async function topicWith(messages: number): Promise<string> {
    const topic = uniqueTopic('commits');
    await bus.ensureTopics([{ topic, partitions: 1 }]);
    // One send each: separate batches, as events trickle in.
    for (let i = 0; i < messages; i++) await producer.send([{ topic, key: 'k', value: `message ${i}`, headers: {} }]);
    return topic;
  }

  const committedOffset = async (groupId: string, topic: string) => (await bus.committedOffsets(groupId, topic)).find((p) => p.partition === 0)?.offset ?? '-1';

  /** A consumer of the group that resolves every message it gets; `offsets` lists them as they come. */
  async function consume(groupId: string, topic: string): Promise<{ consumer: MessageConsumer; offsets: string[] }> {
    const consumer = await bus.createConsumer({ groupId, topics: [topic], fromBeginning: true });
    const offsets: string[] = [];
    await consumer.run(async (batch, control) => {
      for (const message of batch.messages) {
        offsets.push(message.offset);
        control.resolveOffset(message.offset);
      }
    });
    return { consumer, offsets };
  }

  it('commits what it handled once it goes idle, without waiting for another batch', async () => {
    const topic = await topicWith(5);
    const groupId = `commits-${randomBytes(4).toString('hex')}`;
    const { consumer, offsets } = await consume(groupId, topic);
    try {
      await waitUntil(() => offsets.length === 5);
      // No further message comes: the trailing commit alone must bring the group to the end (offset 5).
      await waitUntil(async () => (await committedOffset(groupId, topic)) === '5');
    } finally {
      await consumer.disconnect();
    }
  });

  it('commits on disconnect what it handled just before, so a restart does not redeliver it', async () => {
    const topic = await topicWith(3);
    const groupId = `commits-${randomBytes(4).toString('hex')}`;
    const first = await consume(groupId, topic);
    await waitUntil(() => first.offsets.length === 3);
    await first.consumer.disconnect();
    expect(await committedOffset(groupId, topic)).toBe('3');

    const { consumer: restarted, offsets: redelivered } = await consume(groupId, topic);
    try {
      await producer.send([{ topic, key: 'k', value: 'after the restart', headers: {} }]);
      await waitUntil(() => redelivered.length >= 1);
      expect(redelivered).toEqual(['3']);
    } finally {
      await restarted.disconnect();
    }
  });
});
