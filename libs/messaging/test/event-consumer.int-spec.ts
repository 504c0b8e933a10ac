import type { DataSource } from 'typeorm';
import {
  buildEvent,
  DLQ_HEADERS,
  EventConsumer,
  OutboxRelay,
  OutboxWriter,
  parseEvent,
  replayDeadLetters,
  type CloudEvent,
  type KafkajsMessageBus,
  type MessageOutcome,
  type MessageProducer,
} from '@bcci/messaging';
import { writeWithNextStatement, type TestKafkaLease } from '@bcci/persistence';
import { openMessagingDatabase } from './messaging-database';
import { countMessages, eventually, openTestBus, readMessages, uniqueTopic, waitUntil } from './kafka-test-kit';

// Real PostgreSQL and the project's broker: consumer runtime, inbox on redelivery, dead letters and replay.
describe('event consumer runtime', () => {
  let dataSource: DataSource;
  let closeDb: () => Promise<void>;
  let bus: KafkajsMessageBus;
  let lease: TestKafkaLease;
  let producer: MessageProducer;
  const writer = new OutboxWriter();
  const outcomes: MessageOutcome[] = [];
  let consumer: EventConsumer | undefined;

  beforeAll(async () => {
    ({ dataSource, close: closeDb } = await openMessagingDatabase('consumer'));
    ({ bus, lease } = await openTestBus('consumer-test'));
    producer = await bus.createProducer();
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
    outcomes.length = 0;
  });
  afterAll(async () => {
    await producer?.disconnect();
    await lease?.release();
    await closeDb?.();
  });

  const publish = async (topic: string, events: CloudEvent[]) => {
    await dataSource.transaction((manager) => writer.append(manager, events.map((event) => ({ topic, event }))));
    await new OutboxRelay(dataSource, producer).drain();
  };
  const registered = (subject: string, data: Record<string, unknown> = {}) =>
    buildEvent({ type: 'bcci.test.dossier-registered.v1', source: '/bcci/test', subject, dataschema: 'urn:s', data });
  const counted = async (id: string) =>
    Number((await dataSource.query('SELECT handled_count FROM dossier WHERE id = $1', [id]))[0]?.handled_count ?? 0);
  const COUNT_HANDLING = `INSERT INTO dossier (id, status, handled_count) VALUES ($1, 'seen', 1)
                          ON CONFLICT (id) DO UPDATE SET handled_count = dossier.handled_count + 1`;
  const startConsumer = async (
    name: string,
    topic: string,
    handler: (event: CloudEvent) => void,
    validate?: (event: CloudEvent) => string[] | undefined,
    options: {
      /** 'deferred': the handler's only write goes with the COMMIT, so a failure of the inbox row surfaces there. */
      write?: 'at-once' | 'deferred';
      maxAttempts?: number;
    } = {},
  ) => {
    consumer = new EventConsumer({
      name,
      topics: [topic],
      bus,
      dataSource,
      validate,
      retry: { maxAttempts: options.maxAttempts ?? 3, initialDelayMs: 10, maxDelayMs: 50 },
      resolveHandler: (type) =>
        type === 'bcci.test.dossier-registered.v1'
          ? async (event, { manager }) => {
              handler(event);
              if (options.write === 'deferred') await writeWithNextStatement(manager, { text: COUNT_HANDLING, values: [event.subject] });
              else await manager.query(COUNT_HANDLING, [event.subject]);
            }
          : undefined,
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    await consumer.start();
  };

  it('applies a relay duplicate (crash after publish) once: the inbox absorbs the redelivery', async () => {
    const topic = uniqueTopic('consumer-dup');
    await bus.ensureTopics([{ topic }, { topic: `${topic}.dlq` }]);
    const event = registered('DUP-1');
    await publish(topic, [event]);
    await producer.send([{ topic, key: event.subject, value: JSON.stringify(event), headers: {} }]); // the duplicate
    expect(await countMessages(bus, topic)).toBe(2);

    await startConsumer('tracking-dup', topic, () => undefined);
    await waitUntil(() => outcomes.length === 2);
    expect(outcomes).toEqual(['handled', 'duplicate']);
    expect(await counted('DUP-1')).toBe(1);
  });

  it.each(['at-once', 'deferred'] as const)(
    'skips an event delivered again after it was handled, alone or in a run with a new one, without a retry or a dead letter (handler writing %s)',
    async (write) => {
      const topic = uniqueTopic(`consumer-again-${write}`);
      await bus.ensureTopics([{ topic }, { topic: `${topic}.dlq` }]);
      const first = registered(`AGAIN-${write}-1`);
      await publish(topic, [first]);
      // One attempt: a redelivery taken for a failure would go to the dead letters at once.
      await startConsumer(`tracking-again-${write}`, topic, () => undefined, undefined, { write, maxAttempts: 1 });
      await eventually('the first delivery to be handled', () => outcomes.length === 1);

      // Its inbox row is committed: the next delivery's presumed row meets it and fails the transaction.
      const deliverAgain = (event: CloudEvent) => ({ topic, key: event.subject, value: JSON.stringify(event), headers: {} });
      await producer.send([deliverAgain(first)]);
      await eventually('the delivery of a handled event to be resolved', () => outcomes.length === 2);
      const second = registered(`AGAIN-${write}-2`);
      await producer.send([deliverAgain(first), deliverAgain(second)]);
      await eventually('a handled event and a new one, sent together, to be resolved', () => outcomes.length === 4);

      expect(outcomes.slice(0, 2)).toEqual(['handled', 'duplicate']);
      expect([...outcomes.slice(2)].sort()).toEqual(['duplicate', 'handled']);
      expect(await counted(first.subject!)).toBe(1);
      expect(await counted(second.subject!)).toBe(1);
      expect(await countMessages(bus, `${topic}.dlq`)).toBe(0);
    },
  );

  it('sends a poison message to <topic>.dlq with the reason, keeps the partition flowing, and replays it once fixed', async () => {
    const topic = uniqueTopic('consumer-poison');
    const dlq = `${topic}.dlq`;
    await bus.ensureTopics([{ topic }, { topic: dlq }]);
    let broken = true;
    const poison = registered('P-1', { poison: true });
    const invalid = registered('P-2', { invalid: true });
    await publish(topic, [registered('OK-1'), poison, invalid, registered('OK-2')]);

    await startConsumer(
      'tracking-poison',
      topic,
      (event) => {
        if (broken && (event.data as { poison?: boolean }).poison) throw new Error('cannot apply P-1 yet');
      },
      (event) => ((event.data as { invalid?: boolean }).invalid ? ['/data/invalid: must not be present'] : undefined),
    );
    await waitUntil(() => outcomes.length === 4);
    expect(outcomes).toEqual(['handled', 'dead-lettered', 'dead-lettered', 'handled']);
    expect([await counted('OK-1'), await counted('OK-2'), await counted('P-1')]).toEqual([1, 1, 0]);

    const letters = await readMessages(bus, dlq, 2);
    expect(letters.map((letter) => [parseEvent(letter.value).id, letter.headers[DLQ_HEADERS.originalTopic], letter.headers[DLQ_HEADERS.reason]])).toEqual([
      [poison.id, topic, 'failed 3 attempt(s); last error: Error: cannot apply P-1 yet'],
      [invalid.id, topic, 'EventValidationError: schema validation failed: /data/invalid: must not be present'],
    ]);

    broken = false;
    const progress: string[] = [];
    const result = await replayDeadLetters({ bus, dlqTopic: dlq, onProgress: (p) => progress.push(`${p.replayed}/${p.total}`) });
    expect(result).toMatchObject({ replayed: 2, total: 2 });
    expect(progress[0]).toBe('0/2');
    expect(progress[progress.length - 1]).toBe('2/2');

    // The fixed poison is applied; the still-invalid one goes back to the DLQ (after the replay's end).
    await waitUntil(() => outcomes.length === 6);
    expect(outcomes.slice(4)).toEqual(['handled', 'dead-lettered']);
    expect(await counted('P-1')).toBe(1);
    expect(await countMessages(bus, dlq)).toBe(3);
    // Running the replay again republishes only the new letter, not the two already replayed.
    expect(await replayDeadLetters({ bus, dlqTopic: dlq })).toMatchObject({ replayed: 1, total: 1 });
  });
});
