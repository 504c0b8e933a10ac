import type { Consumer, EachMessagePayload } from 'kafkajs';
import { eventually, startTestBroker, type BrokerFixture } from './support/broker-fixture';

describe('kafkajs producer and consumer against the broker', () => {
  let fixture: BrokerFixture;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    fixture = await startTestBroker();
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.disconnect()));
  });
  afterAll(async () => {
    await fixture.stop();
  });

  it('delivers keys, values and duplicate headers byte for byte, keeping per-key order', async () => {
    const admin = fixture.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'dossiers', numPartitions: 3 }] });
    await admin.disconnect();

    const producer = fixture.kafka().producer();
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({
      key: `dossier-${i % 5}`,
      value: JSON.stringify({ step: i }),
      headers: { traceparent: `00-${String(i).padStart(32, '0')}-0000000000000001-01`, tag: ['a', 'b'] },
    }));
    await producer.send({ topic: 'dossiers', messages: sent });
    await producer.disconnect();

    const received: EachMessagePayload[] = [];
    const consumer = fixture.kafka().consumer({ groupId: 'readers', maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: ['dossiers'], fromBeginning: true });
    await consumer.run({ eachMessage: async (payload) => void received.push(payload) });
    await eventually('30 messages', () => received.length === 30);

    const byKey = new Map<string, number[]>();
    for (const { message } of received) {
      const key = message.key!.toString();
      byKey.set(key, [...(byKey.get(key) ?? []), JSON.parse(message.value!.toString()).step]);
      const index = JSON.parse(message.value!.toString()).step;
      expect(message.headers!.traceparent!.toString()).toBe(sent[index].headers.traceparent);
      expect((message.headers!.tag as Buffer[]).map(String)).toEqual(['a', 'b']);
    }
    for (const steps of byKey.values()) expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1);
  });

  it('wakes a waiting consumer as soon as a message arrives instead of waiting out max wait', async () => {
    const topic = 'wake-up';
    const received: string[] = [];
    const consumer = fixture.kafka().consumer({ groupId: 'wake', maxWaitTimeInMs: 10_000 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message.value!.toString()) });
    const producer = fixture.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'first' }] });
    await eventually('the first message', () => received.length === 1);
    await producer.send({ topic, messages: [{ value: 'second' }] });
    // A fetch parked for 10 s must be woken by the append; the hang guard is well below 10 s.
    await eventually('the second message', () => received.length === 2, 5_000);
    await producer.disconnect();
    expect(received).toEqual(['first', 'second']);
  });

  it('holds a fetch asking for min bytes until that much arrived, then answers with all of it before max wait', async () => {
    const topic = 'min-bytes';
    const batches: string[][] = [];
    const consumer = fixture.kafka().consumer({ groupId: 'patient', minBytes: 1000, maxWaitTimeInMs: 6_000 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachBatch: async ({ batch }) => void batches.push(batch.messages.map((message) => message.value!.toString().slice(0, 6))) });
    const producer = fixture.kafka().producer();
    await producer.connect();
    // Three messages of 400 bytes sent one by one: the first two are not enough for the parked fetch.
    for (const name of ['first-', 'second', 'third-']) await producer.send({ topic, messages: [{ value: name + 'x'.repeat(394) }] });
    // Well below the 6 s max wait: the third append, not the timeout, answers the fetch.
    await eventually('the three messages', () => batches.flat().length === 3, 4_000);
    await producer.disconnect();
    expect(batches).toEqual([['first-', 'second', 'third-']]);
  });

  it('lets an idempotent producer retry without duplicates', async () => {
    const producer = fixture.kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 5; i++) await producer.send({ topic: 'idempotent', messages: [{ value: `m${i}` }] });
    await producer.disconnect();
    const admin = fixture.kafka().admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('idempotent');
    await admin.disconnect();
    expect(offsets).toEqual([expect.objectContaining({ partition: 0, offset: '5', low: '0', high: '5' })]);
  });

  it('seeks, and pauses and resumes a topic', async () => {
    const topic = 'seekable';
    const producer = fixture.kafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: String(i) })) });
    await producer.disconnect();

    const seen: number[] = [];
    const consumer = fixture.kafka().consumer({ groupId: 'seeker', maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let sought = false;
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(Number(message.value!.toString()));
        if (!sought && seen.length === 3) {
          sought = true;
          consumer.seek({ topic, partition: 0, offset: '7' });
        }
      },
    });
    await eventually('messages after the seek', () => seen.includes(9));
    expect(seen.slice(0, 3)).toEqual([0, 1, 2]);
    expect(seen.slice(-3)).toEqual([7, 8, 9]);

    consumer.pause([{ topic }]);
    expect(consumer.paused()).toEqual([{ topic, partitions: [0] }]);
    const producer2 = fixture.kafka().producer();
    await producer2.connect();
    await producer2.send({ topic, messages: [{ value: '10' }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).not.toContain(10);
    consumer.resume([{ topic }]);
    await eventually('the message sent while paused', () => seen.includes(10));
    await producer2.disconnect();
  });
});
