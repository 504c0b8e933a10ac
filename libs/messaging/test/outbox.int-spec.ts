import type { DataSource } from 'typeorm';
import { buildEvent, claimForPublishing, measureBacklog, OutboxWriter, parseTraceparent, type CloudEvent } from '@bcci/messaging';
import { openMessagingDatabase } from './messaging-database';

const TOPIC = 'bcci.intake.dossier-events.v1';
const registered = (dossierId: string): CloudEvent =>
  buildEvent({
    type: 'bcci.intake.dossier-registered.v1',
    source: '/bcci/intake',
    subject: dossierId,
    dataschema: 'https://bcci.example/schemas/intake/dossier-registered.v1.json',
    data: { dossierId },
  });

describe('transactional outbox (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    ({ dataSource, close } = await openMessagingDatabase('outbox'));
  });
  afterAll(() => close());
  beforeEach(() => dataSource.query('TRUNCATE outbox, dossier'));

  it('stores the full envelope, topic, key = dossier id and a traceparent with the committed state change', async () => {
    const event = registered('D-1');
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO dossier (id, status) VALUES ('D-1', 'received')`);
      await writer.append(manager, { topic: TOPIC, event });
    });

    const [row] = await dataSource.query('SELECT * FROM outbox');
    expect(row).toMatchObject({ event_id: event.id, event_type: event.type, topic: TOPIC, message_key: 'D-1', published_at: null });
    expect(row.envelope).toEqual(event);
    expect(parseTraceparent(row.headers.traceparent)).toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(row.created_at).toBeInstanceOf(Date);
  });

  it('rolls the events back together with the use case transaction', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO dossier (id, status) VALUES ('D-2', 'received')`);
        await writer.append(manager, [{ topic: TOPIC, event: registered('D-2') }, { topic: TOPIC, event: registered('D-2') }]);
        throw new Error('use case failed after writing');
      }),
    ).rejects.toThrow('use case failed after writing');

    expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM dossier')).toEqual([{ n: 0 }]);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(writer.append(dataSource.manager, { topic: TOPIC, event: registered('D-3') })).rejects.toThrow(/inside a transaction/);
  });

  it("picks up a row whose transaction got the lower id but committed last", async () => {
    const slow = dataSource.createQueryRunner();
    const fast = dataSource.createQueryRunner();
    try {
      await slow.startTransaction();
      await writer.append(slow.manager, { topic: TOPIC, event: registered('D-slow') });
      // The append goes with the transaction's next statement: this one, so the row takes its id now,
      // as when a transaction appends and then goes on working.
      await slow.query('SELECT 1');
      await fast.startTransaction();
      await writer.append(fast.manager, { topic: TOPIC, event: registered('D-fast') });
      await fast.commitTransaction();

      // The relay's first cycle sees only the committed, higher id.
      const first = await dataSource.transaction((manager) => claimForPublishing(manager, 100));
      expect(first.map((row) => row.message.key)).toEqual(['D-fast']);

      await slow.commitTransaction();
      const second = await dataSource.transaction((manager) => claimForPublishing(manager, 100));
      expect(second.map((row) => row.message.key)).toEqual(['D-slow']);
      // The point of the test: the late row has the LOWER id, so an "id > last id" cursor would skip it.
      expect(BigInt(second[0].id)).toBeLessThan(BigInt(first[0].id));
    } finally {
      if (slow.isTransactionActive) await slow.rollbackTransaction();
      await slow.release();
      await fast.release();
    }
  });

  it('never hands a row to two relays: while one relay holds a batch, another claims nothing; after a rollback, every row is claimed again', async () => {
    await dataSource.transaction((manager) =>
      writer.append(manager, ['A', 'B', 'C', 'D'].map((id) => ({ topic: TOPIC, event: registered(id) }))),
    );
    const holder = dataSource.createQueryRunner();
    try {
      await holder.startTransaction();
      const held = await claimForPublishing(holder.manager, 2);
      const other = await dataSource.transaction((manager) => claimForPublishing(manager, 10));
      expect(held.map((row) => row.message.key)).toEqual(['A', 'B']);
      // Its turn comes after the holder's batch: C and D wait, so a dossier's events never overtake.
      expect(other).toEqual([]);
      await holder.rollbackTransaction();
      const afterRollback = await dataSource.transaction((manager) => claimForPublishing(manager, 10));
      expect(afterRollback.map((row) => row.message.key)).toEqual(['A', 'B', 'C', 'D']);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('reports the backlog: unsent rows and the age of the oldest', async () => {
    expect(await measureBacklog(dataSource.manager)).toEqual({ size: 0, oldestAgeSeconds: 0 });
    await dataSource.transaction((manager) => writer.append(manager, { topic: TOPIC, event: registered('D-4') }));
    await dataSource.query(`UPDATE outbox SET created_at = now() - interval '90 seconds'`);
    const backlog = await measureBacklog(dataSource.manager);
    expect(backlog.size).toBe(1);
    expect(backlog.oldestAgeSeconds).toBeGreaterThanOrEqual(90);
  });
});
