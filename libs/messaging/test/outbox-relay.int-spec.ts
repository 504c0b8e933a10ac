import type { DataSource } from 'typeorm';
import { validateKafkaHeaders } from '@bcci/contracts';
import { buildEvent, OutboxRelay, OutboxWriter, parseEvent, parseTraceparent, type MessageProducer } from '@bcci/messaging';
import type { TestKafkaLease } from '@bcci/persistence';
import { openMessagingDatabase } from './messaging-database';
import { countMessages, openTestBus, readMessages, uniqueTopic } from './kafka-test-kit';
import type { KafkajsMessageBus } from '@bcci/messaging';

// Real PostgreSQL and the project's broker over TCP (or PG_URL / KAFKA_BROKERS when set).
describe('outbox relay → Kafka', () => {
  let dataSource: DataSource;
  let closeDb: () => Promise<void>;
  let bus: KafkajsMessageBus;
  let lease: TestKafkaLease;
  let producer: MessageProducer;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    ({ dataSource, close: closeDb } = await openMessagingDatabase('relay'));
    ({ bus, lease } = await openTestBus('relay-test'));
    producer = await bus.createProducer();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await lease?.release();
    await closeDb?.();
  });
  beforeEach(() => dataSource.query('TRUNCATE outbox'));

  const appendEvents = async (topic: string, dossierIds: string[]) => {
    const events = dossierIds.map((subject) =>
      buildEvent({ type: 'bcci.test.dossier-registered.v1', source: '/bcci/test', subject, dataschema: 'urn:s', data: { subject } }),
    );
    await dataSource.transaction((manager) => writer.append(manager, events.map((event) => ({ topic, event }))));
    return events;
  };

  it('publishes every row exactly once, keyed by dossier id, with its traceparent, and marks it sent', async () => {
    const topic = uniqueTopic('relay');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    const events = await appendEvents(topic, ['D-1', 'D-2', 'D-3', 'D-1', 'D-4', 'D-2', 'D-5']);
    const relay = new OutboxRelay(dataSource, producer, { batchSize: 3 });

    expect(await relay.drain()).toBe(7);
    expect(await relay.drain()).toBe(0);
    expect(await countMessages(bus, topic)).toBe(7);
    expect(await relay.backlog()).toEqual({ size: 0, oldestAgeSeconds: 0 });

    const received = await readMessages(bus, topic, 7);
    const byId = new Map(received.map((message) => [parseEvent(message.value).id, message]));
    expect([...byId.keys()].sort()).toEqual(events.map((event) => event.id).sort());
    for (const event of events) {
      const message = byId.get(event.id)!;
      expect(message.key?.toString()).toBe(event.subject);
      expect(parseEvent(message.value)).toEqual(event);
      expect(parseTraceparent(message.headers.traceparent)).toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
      // The headers' contract (common/kafka-headers.v1): the content type to the letter, the trace context.
      expect(validateKafkaHeaders(message.headers)).toEqual({ valid: true, errors: [] });
    }
    // One dossier's events stay in order (same key → same partition, published in id order).
    const d1 = received.filter((message) => message.key?.toString() === 'D-1').map((message) => parseEvent(message.value).id);
    expect(d1).toEqual(events.filter((event) => event.subject === 'D-1').map((event) => event.id));
  });

  it('publishes rows committed while the relay runs, woken by NOTIFY or its poll', async () => {
    const topic = uniqueTopic('relay-loop');
    await bus.ensureTopics([{ topic }]);
    const relay = new OutboxRelay(dataSource, producer, { idlePollMs: 200 });
    await relay.start();
    try {
      await appendEvents(topic, ['D-6']);
      await appendEvents(topic, ['D-7', 'D-8']);
      const received = await readMessages(bus, topic, 3);
      expect(received.map((message) => message.key?.toString())).toEqual(['D-6', 'D-7', 'D-8']);
    } finally {
      await relay.stop();
    }
  });

  it('two instances of a service take turns: while one relay publishes a batch, the other claims nothing, so a dossier keeps its order', async () => {
    const topic = uniqueTopic('relay-turns');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    const [first] = await appendEvents(topic, ['D-11']);
    // Instance 1's relay holds its batch until the test lets the broker call go.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let sending: () => void = () => undefined;
    const inSend = new Promise<void>((resolve) => (sending = resolve));
    const heldProducer: MessageProducer = {
      send: async (messages) => {
        sending();
        await released;
        await producer.send(messages);
      },
      disconnect: async () => undefined,
    };
    const instanceOne = new OutboxRelay(dataSource, heldProducer).publishPending();
    await inSend;
    const [second] = await appendEvents(topic, ['D-11']);

    // Instance 2's relay: not its turn while instance 1's batch is in flight.
    const instanceTwo = new OutboxRelay(dataSource, producer);
    expect(await instanceTwo.publishPending()).toBe(0);

    release();
    expect(await instanceOne).toBe(1);
    expect(await instanceTwo.drain()).toBe(1);
    const received = await readMessages(bus, topic, 2);
    expect(received.map((message) => parseEvent(message.value).id)).toEqual([first.id, second.id]);
  });

  it('after a crash between publish and marking sent, publishes the rows again (a duplicate, same event id)', async () => {
    const topic = uniqueTopic('relay-crash');
    await bus.ensureTopics([{ topic }]);
    const events = await appendEvents(topic, ['D-9', 'D-10']);
    // The broker acknowledges, then the process "dies" before the UPDATE commits.
    const crashing: MessageProducer = {
      send: async (messages) => {
        await producer.send(messages);
        throw new Error('process killed');
      },
      disconnect: async () => undefined,
    };
    await expect(new OutboxRelay(dataSource, crashing).publishPending()).rejects.toThrow('process killed');
    expect((await new OutboxRelay(dataSource, producer).backlog()).size).toBe(2);

    expect(await new OutboxRelay(dataSource, producer).drain()).toBe(2);
    const received = await readMessages(bus, topic, 4);
    expect(received.map((message) => parseEvent(message.value).id).sort()).toEqual(
      [...events, ...events].map((event) => event.id).sort(),
    );
  });
});
