import type { DataSource } from 'typeorm';
import { buildEvent, EventConsumer, type CloudEvent, type DependencyWaitState, type KafkajsMessageBus, type MessageOutcome, type MessageProducer } from '@bcci/messaging';
import type { TestDatabase, TestKafkaLease } from '@bcci/persistence';
import { openMessagingDatabase } from './messaging-database';
import { DatabaseOutage } from './database-outage';
import { countMessages, eventually, openTestBus, uniqueTopic, withinDeadline } from './kafka-test-kit';

// Issue 9: a PostgreSQL outage of a few seconds sent good events to the dead-letter topic (5 attempts over
// about 3 s, then the DLQ). Real PostgreSQL and the project's broker: the database goes away while events
// arrive, and every event must still be applied exactly once, with nothing dead-lettered.
describe('consumer during a database outage', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let closeDb: () => Promise<void>;
  let outage: DatabaseOutage;
  let bus: KafkajsMessageBus;
  let lease: TestKafkaLease;
  let producer: MessageProducer;
  let consumer: EventConsumer | undefined;
  const outcomes = new Map<string, MessageOutcome[]>();
  const waitLog: string[] = [];

  beforeAll(async () => {
    ({ db, dataSource, close: closeDb } = await openMessagingDatabase('outage'));
    outage = new DatabaseOutage(db.adminUrl, db.name);
    ({ bus, lease } = await openTestBus('outage-test'));
    producer = await bus.createProducer();
  });
  afterEach(async () => {
    await outage.end(); // whatever happened, give the database back before the next test
    await consumer?.stop();
    consumer = undefined;
    outcomes.clear();
    waitLog.length = 0;
  });
  afterAll(async () => {
    await producer?.disconnect();
    await lease?.release();
    await closeDb?.();
  });

  const legOpened = (subject: string) =>
    buildEvent({ type: 'bcci.test.postal-leg-opened.v1', source: '/bcci/test', subject, dataschema: 'urn:s', data: {} });
  const send = (topic: string, events: CloudEvent[]) =>
    producer.send(events.map((event) => ({ topic, key: event.subject!, value: JSON.stringify(event), headers: {} })));
  const applied = async (subjects: string[]): Promise<number[]> => {
    const rows: Array<{ id: string; handled_count: number }> = await dataSource.query('SELECT id, handled_count FROM dossier WHERE id = ANY($1)', [subjects]);
    const counts = new Map(rows.map((row) => [row.id, Number(row.handled_count)]));
    return subjects.map((subject) => counts.get(subject) ?? 0);
  };
  const decided = () => [...outcomes.values()].reduce((sum, list) => sum + list.length, 0);
  const startConsumer = async (name: string, topic: string) => {
    consumer = new EventConsumer({
      name,
      topics: [topic],
      bus,
      dataSource,
      // The retry policy of production (5 attempts, 200 ms doubling to 2 s): the one that lost events.
      resolveHandler: () => async (event, { manager }) => {
        await manager.query(
          `INSERT INTO dossier (id, status, handled_count) VALUES ($1, 'leg-open', 1)
           ON CONFLICT (id) DO UPDATE SET handled_count = dossier.handled_count + 1`,
          [event.subject],
        );
      },
      onOutcome: (outcome, message) => {
        const subject = message.key?.toString() ?? '?';
        outcomes.set(subject, [...(outcomes.get(subject) ?? []), outcome]);
      },
      onDependencyWait: {
        waiting: (reason, held) => void waitLog.push(`waiting at offset ${held.offset}: ${reason}`),
        recovered: (_ms, retries) => void waitLog.push(`recovered after ${retries > 0 ? 'some' : 'no'} retries`),
        abandoned: () => void waitLog.push('abandoned'),
      },
    });
    await consumer.start();
  };

  it('applies every event exactly once across an outage longer than the old retry budget, and dead-letters none', async () => {
    const topic = uniqueTopic('outage');
    await bus.ensureTopics([{ topic }, { topic: `${topic}.dlq` }]);
    const before = ['B-1', 'B-2', 'B-3'];
    const during = ['O-1', 'O-2', 'O-3', 'O-4', 'O-5', 'O-6'];
    const after = ['A-1', 'A-2'];
    await startConsumer('tracking-outage', topic);

    await send(topic, before.map(legOpened));
    await eventually('the 3 events sent before the outage to be handled', () => decided() === 3);

    await outage.begin();
    await send(topic, during.map(legOpened));
    // Longer than the 5 attempts over about 3 s after which the old consumer dead-lettered each message.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const stateDuringOutage: DependencyWaitState | undefined = consumer!.waitingOnDependency;
    await outage.end();
    await send(topic, after.map(legOpened));

    const subjects = [...before, ...during, ...after];
    await eventually(`an outcome for each of the ${subjects.length} events`, () => decided() >= subjects.length);
    expect(Object.fromEntries(subjects.map((subject) => [subject, outcomes.get(subject)]))).toEqual(
      Object.fromEntries(subjects.map((subject) => [subject, ['handled']])),
    );
    expect(await applied(subjects)).toEqual(subjects.map(() => 1));
    expect(await countMessages(bus, `${topic}.dlq`)).toBe(0);

    // Visible while it lasted: what it waits for and which message it holds; one line at each end.
    expect(stateDuringOutage).toMatchObject({ holding: `${topic}@0:3` });
    expect(stateDuringOutage!.reason).toMatch(/not currently accepting connections|terminating connection|Connection terminated/);
    expect(waitLog).toEqual([expect.stringMatching(/^waiting at offset 3: /), 'recovered after some retries']);
    expect(consumer!.waitingOnDependency).toBeUndefined();
  });

  it('stops promptly while the database is still down; the held event is applied once by the next consumer', async () => {
    const topic = uniqueTopic('outage-stop');
    await bus.ensureTopics([{ topic }, { topic: `${topic}.dlq` }]);
    await startConsumer('tracking-outage-stop', topic);
    await outage.begin();
    await send(topic, [legOpened('S-1')]);
    await eventually('the consumer to report that it waits on the database', () => consumer!.waitingOnDependency !== undefined);

    // Without an interruptible wait, stop() would only return once the database is back.
    await withinDeadline('consumer.stop() while the database is still down', consumer!.stop(), 30_000);
    consumer = undefined;
    expect(waitLog).toEqual([expect.stringMatching(/^waiting at offset 0: /), 'abandoned']);
    expect(outcomes.size).toBe(0);

    await outage.end();
    await startConsumer('tracking-outage-stop', topic);
    await eventually('the held event to be handled by the restarted consumer', () => decided() === 1);
    expect(outcomes.get('S-1')).toEqual(['handled']);
    expect(await applied(['S-1'])).toEqual([1]);
    expect(await countMessages(bus, `${topic}.dlq`)).toBe(0);
  });
});
