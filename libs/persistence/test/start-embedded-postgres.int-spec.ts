import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, ensureDatabase, dropDatabase, withAdminClient, withDatabase } from '@bcci/persistence';

// The only test that needs its own server: it checks that a stopped cluster's data directory is reused.
describe('startEmbeddedPostgres', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bcci-pg-lifecycle-'));
  chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reuses an existing data directory after a clean stop, keeping its databases and rows', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      expect(await ensureDatabase(first.adminUrl, 'lifecycle')).toBe(true);
      expect(await ensureDatabase(first.adminUrl, 'lifecycle')).toBe(false);
      await withAdminClient(first.urlFor('lifecycle'), async (client) => {
        await client.query('CREATE TABLE note (body text)');
        await client.query(`INSERT INTO note VALUES ('kept across restarts')`);
      });
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      const rows = await withAdminClient(withDatabase(second.adminUrl, 'lifecycle'), (client) =>
        client.query<{ body: string }>('SELECT body FROM note'),
      );
      expect(rows.rows).toEqual([{ body: 'kept across restarts' }]);
      await dropDatabase(second.adminUrl, 'lifecycle');
      const left = await withAdminClient(second.adminUrl, (client) =>
        client.query(`SELECT 1 FROM pg_database WHERE datname = 'lifecycle'`),
      );
      expect(left.rowCount).toBe(0);
    } finally {
      await second.stop();
    }
  });
});
