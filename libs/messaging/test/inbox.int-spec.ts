import type { DataSource, EntityManager } from 'typeorm';
import { Inbox } from '@bcci/messaging';
import { openMessagingDatabase } from './messaging-database';

describe('inbox deduplication (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await openMessagingDatabase('inbox'));
    await dataSource.query(`INSERT INTO dossier (id, status) VALUES ('D-1', 'received')`);
  });
  afterAll(() => close());

  // What a handler does: its effect only when the inbox says the event is new.
  const handle = (consumer: string, eventId: string, fail = false) =>
    dataSource.transaction(async (manager: EntityManager) => {
      const isNew = await Inbox.record(manager, consumer, eventId);
      if (isNew) await manager.query(`UPDATE dossier SET handled_count = handled_count + 1 WHERE id = 'D-1'`);
      if (fail) throw new Error('handler failed');
      return isNew;
    });
  const handledCount = async () => (await dataSource.query(`SELECT handled_count FROM dossier WHERE id = 'D-1'`))[0].handled_count;

  it('applies an event once however often it is delivered', async () => {
    expect(await handle('tracking', 'e-1')).toBe(true);
    expect(await handle('tracking', 'e-1')).toBe(false);
    expect(await handle('tracking', 'e-1')).toBe(false);
    expect(await handledCount()).toBe(1);
  });

  it('keeps consumers apart: the same event is new to another consumer', async () => {
    expect(await handle('returns', 'e-1')).toBe(true);
  });

  it('forgets the record when the effect rolls back, so a retry applies it', async () => {
    const before = await handledCount();
    await expect(handle('tracking', 'e-2', true)).rejects.toThrow('handler failed');
    expect(await handledCount()).toBe(before);
    expect(await handle('tracking', 'e-2')).toBe(true);
    expect(await handledCount()).toBe(before + 1);
  });

  it('refuses to record outside a transaction', async () => {
    await expect(Inbox.record(dataSource.manager, 'tracking', 'e-3')).rejects.toThrow(/inside the transaction/);
    await expect(Inbox.recordMany(dataSource.manager, 'tracking', ['e-3'])).rejects.toThrow(/inside the transaction/);
  });

  it('records a run of events in one statement: only the new ones, an id repeated in the run once', async () => {
    const fresh = await dataSource.transaction((manager) => Inbox.recordMany(manager, 'tracking', ['e-1', 'run-1', 'run-2', 'run-1']));
    expect([...fresh].sort()).toEqual(['run-1', 'run-2']);
    const again = await dataSource.transaction((manager) => Inbox.recordMany(manager, 'tracking', ['run-1', 'run-2', 'run-3']));
    expect([...again]).toEqual(['run-3']);
    await expect(dataSource.transaction(async (manager) => {
      await Inbox.recordMany(manager, 'tracking', ['run-4']);
      throw new Error('run failed');
    })).rejects.toThrow('run failed');
    expect([...(await dataSource.transaction((manager) => Inbox.recordMany(manager, 'tracking', ['run-4'])))]).toEqual(['run-4']);
  });
});

describe('inbox housekeeping (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await openMessagingDatabase('inbox-purge'));
  });
  afterAll(() => close());

  it('deletes records handled before the cut-off and keeps newer ones deduplicating', async () => {
    await dataSource.query(`INSERT INTO inbox (consumer, event_id, processed_at) VALUES ('tracking', 'old', now() - interval '200 days'), ('tracking', 'new', now())`);
    const purged = await dataSource.transaction((manager) => Inbox.purgeHandled(manager, new Date(Date.now() - 100 * 86_400_000)));
    expect(purged).toBe(1);
    const left = await dataSource.query(`SELECT event_id FROM inbox WHERE consumer = 'tracking' ORDER BY event_id`);
    expect(left).toEqual([{ event_id: 'new' }]);
    expect(await dataSource.transaction((manager) => Inbox.record(manager, 'tracking', 'new'))).toBe(false);
  });
});
