import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { buildEvent, EventConsumer, messagingEntities, messagingMigrations, type KafkajsMessageBus, type MessageOutcome, type MessageProducer } from '@bcci/messaging';
import { createServiceDataSource, ensureDatabase, runMigrations, startEmbeddedPostgres, type EmbeddedPostgresHandle, type TestKafkaLease } from '@bcci/persistence';
import { countMessages, eventually, openTestBus, uniqueTopic } from './kafka-test-kit';

// Issue 9 as it happened: PostgreSQL itself goes down and comes back (connections refused, then "the
// database system is starting up / not yet accepting connections"). This file runs its own server so
// it can stop it without disturbing other test files.
describe('consumer across a PostgreSQL restart', () => {
  let root: string;
  let server: EmbeddedPostgresHandle | undefined;
  let dataSource: DataSource;
  let bus: KafkajsMessageBus;
  let lease: TestKafkaLease;
  let producer: MessageProducer;
  let consumer: EventConsumer | undefined;
  const outcomes = new Map<string, MessageOutcome>();
  const reasons: string[] = [];

  const startServer = (port?: number) => startEmbeddedPostgres({ dataDir: path.join(root, 'data'), port, fast: true });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'bcci-pg-restart-'));
    chmodSync(root, 0o755); // the server may run as the `postgres` user
    server = await startServer();
    await ensureDatabase(server.adminUrl, 'restart_test');
    dataSource = createServiceDataSource({ url: server.urlFor('restart_test'), entities: messagingEntities, migrations: messagingMigrations });
    await runMigrations(dataSource);
    await dataSource.query(`CREATE TABLE dossier (id text PRIMARY KEY, handled_count int NOT NULL)`);
    ({ bus, lease } = await openTestBus('restart-test'));
    producer = await bus.createProducer();
  });
  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await lease?.release();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps every event through the restart and applies each exactly once, with nothing dead-lettered', async () => {
    const topic = uniqueTopic('pg-restart');
    await bus.ensureTopics([{ topic }, { topic: `${topic}.dlq` }]);
    consumer = new EventConsumer({
      name: 'returns-restart',
      topics: [topic],
      bus,
      dataSource,
      resolveHandler: () => async (event, { manager }) => {
        await manager.query(
          `INSERT INTO dossier (id, handled_count) VALUES ($1, 1) ON CONFLICT (id) DO UPDATE SET handled_count = dossier.handled_count + 1`,
          [event.subject],
        );
      },
      onOutcome: (outcome, message) => void outcomes.set(message.key!.toString(), outcome),
      onDependencyWait: { retried: (reason) => void reasons.push(reason) },
    });
    await consumer.start();
    const send = (subjects: string[]) =>
      producer.send(
        subjects.map((subject) => {
          const event = buildEvent({ type: 'bcci.test.result-issued.v1', source: '/bcci/test', subject, dataschema: 'urn:s', data: {} });
          return { topic, key: subject, value: JSON.stringify(event), headers: {} };
        }),
      );

    await send(['R-1']);
    await eventually('R-1 to be handled before the restart', () => outcomes.size === 1);

    const port = server!.port;
    await server!.stop();
    server = undefined;
    await send(['R-2', 'R-3', 'R-4']);
    // Down for longer than the old 5 attempts over about 3 s.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    server = await startServer(port);

    const subjects = ['R-1', 'R-2', 'R-3', 'R-4'];
    await eventually('an outcome for each of the 4 events', () => outcomes.size === subjects.length);
    expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(subjects.map((subject) => [subject, 'handled'])));
    const rows: Array<{ id: string; handled_count: number }> = await dataSource.query('SELECT id, handled_count FROM dossier ORDER BY id');
    expect(rows.map((row) => [row.id, Number(row.handled_count)])).toEqual(subjects.map((subject) => [subject, 1]));
    expect(await countMessages(bus, `${topic}.dlq`)).toBe(0);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((reason) => /ECONNREFUSED|starting up|not yet accepting|Connection terminated|terminating connection/.test(reason))).toBe(true);
  });
});
