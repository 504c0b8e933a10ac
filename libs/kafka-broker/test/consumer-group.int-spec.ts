import type { Consumer, ConsumerConfig } from 'kafkajs';
import { eventually, startTestBroker, type BrokerFixture } from './support/broker-fixture';

/** Short timers so rebalances and expiries happen within a test; hang guards only, no timing assertions. */
const FAST: Omit<ConsumerConfig, 'groupId'> = {
  sessionTimeout: 3000,
  rebalanceTimeout: 5000,
  heartbeatInterval: 200,
  maxWaitTimeInMs: 100,
};

describe('consumer groups through kafkajs', () => {
  let fixture: BrokerFixture;
  const consumers = new Set<Consumer>();

  beforeAll(async () => {
    fixture = await startTestBroker();
  });
  afterEach(async () => {
    await Promise.all([...consumers].map((consumer) => consumer.disconnect()));
    consumers.clear();
  });
  afterAll(async () => {
    await fixture.stop();
  });

  async function createTopic(topic: string, numPartitions: number): Promise<void> {
    const admin = fixture.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions }] });
    await admin.disconnect();
  }

  it('three members joining and leaving mid-stream: every message delivered, none again after its commit', async () => {
    const topic = 'group-churn';
    await createTopic(topic, 6);
    const delivered = new Map<string, number>(); // value -> deliveries
    const committed = new Set<string>();
    const redeliveredAfterCommit: string[] = [];
    const assignmentsSeen = new Set<string>();

    async function startMember(name: string): Promise<Consumer> {
      const consumer = fixture.kafka({ clientId: name }).consumer({ groupId: 'churners', ...FAST });
      consumers.add(consumer);
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        const partitions = Object.values(payload.memberAssignment).flat().length;
        assignmentsSeen.add(`${name}:${partitions}`);
      });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const value = message.value!.toString();
          if (committed.has(value)) redeliveredAfterCommit.push(value);
          delivered.set(value, (delivered.get(value) ?? 0) + 1);
          // Commit each message before taking the next: once this resolves it must never come back.
          await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
          committed.add(value);
        },
      });
      return consumer;
    }

    const producer = fixture.kafka().producer();
    await producer.connect();
    let sent = 0;
    async function produce(count: number): Promise<void> {
      const messages = Array.from({ length: count }, () => ({ key: `k${sent % 17}`, value: `m${sent++}` }));
      await producer.send({ topic, messages });
    }

    const first = await startMember('first');
    await produce(60);
    await eventually('the first 60 messages', () => committed.size >= 60);

    // Two more members join while messages keep flowing.
    const joining = [startMember('second'), startMember('third')];
    for (let i = 0; i < 5; i++) await produce(20);
    const [second] = await Promise.all(joining);
    await eventually('all three members to hold partitions', () => ['first:2', 'second:2', 'third:2'].every((a) => assignmentsSeen.has(a)));
    for (let i = 0; i < 5; i++) await produce(20);

    // One leaves cleanly (LeaveGroup), the others take over its partitions.
    await second.disconnect();
    consumers.delete(second);
    for (let i = 0; i < 5; i++) await produce(20);
    // The first member leaves too; the last one ends up with all six partitions.
    await first.disconnect();
    consumers.delete(first);
    await produce(40);
    await eventually('every message to be committed', () => committed.size === sent, 60_000);
    await producer.disconnect();

    expect(sent).toBe(400);
    expect(redeliveredAfterCommit).toEqual([]);
    for (let i = 0; i < sent; i++) expect(delivered.has(`m${i}`)).toBe(true);
    expect(assignmentsSeen.has('third:6')).toBe(true);
  });

  it('a new consumer in the group resumes from the committed offsets of an earlier one', async () => {
    const topic = 'group-resume';
    await createTopic(topic, 2);
    const producer = fixture.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `a${i}` })) });

    const firstSeen: string[] = [];
    const firstConsumer = fixture.kafka().consumer({ groupId: 'resumers', ...FAST });
    consumers.add(firstConsumer);
    await firstConsumer.connect();
    await firstConsumer.subscribe({ topic, fromBeginning: true });
    await firstConsumer.run({ eachMessage: async ({ message }) => void firstSeen.push(message.value!.toString()) });
    await eventually('the first ten', () => firstSeen.length === 10);
    await firstConsumer.disconnect(); // commits what it resolved, then leaves
    consumers.delete(firstConsumer);

    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `b${i}` })) });
    await producer.disconnect();
    const secondSeen: string[] = [];
    const secondConsumer = fixture.kafka().consumer({ groupId: 'resumers', ...FAST });
    consumers.add(secondConsumer);
    await secondConsumer.connect();
    await secondConsumer.subscribe({ topic, fromBeginning: true });
    await secondConsumer.run({ eachMessage: async ({ message }) => void secondSeen.push(message.value!.toString()) });
    await eventually('the five new ones', () => secondSeen.length >= 5);
    expect(secondSeen.sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
  });

  it('admin sees the group: describe while Stable, list, fetch offsets, refuse deleting it until empty', async () => {
    const topic = 'group-admin';
    await createTopic(topic, 3);
    const consumer = fixture.kafka({ clientId: 'watcher' }).consumer({ groupId: 'watchers', ...FAST });
    consumers.add(consumer);
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => void (joined = true));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    await eventually('the join', () => joined);

    const admin = fixture.kafka().admin();
    await admin.connect();
    const described = await consumer.describeGroup();
    expect(described).toMatchObject({ groupId: 'watchers', state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
    expect(described.members).toHaveLength(1);
    expect(described.members[0].clientId).toBe('watcher');
    expect((await admin.listGroups()).groups).toContainEqual({ groupId: 'watchers', protocolType: 'consumer' });
    await expect(admin.deleteGroups(['watchers'])).rejects.toMatchObject({ groups: [expect.objectContaining({ errorCode: 68 })] });

    await consumer.disconnect();
    consumers.delete(consumer);
    await admin.setOffsets({ groupId: 'watchers', topic, partitions: [{ partition: 1, offset: '0' }] });
    const offsets = await admin.fetchOffsets({ groupId: 'watchers', topics: [topic] });
    expect(offsets[0].partitions.find((p) => p.partition === 1)?.offset).toBe('0');
    expect((await admin.describeGroups(['watchers'])).groups[0].state).toBe('Empty');
    expect(await admin.deleteGroups(['watchers'])).toEqual([expect.objectContaining({ groupId: 'watchers', errorCode: 0 })]);
    expect((await admin.describeGroups(['watchers'])).groups[0].state).toBe('Dead');
    await admin.disconnect();
  });
});
