import { randomBytes } from 'node:crypto';
import { ensureDatabase, dropDatabase } from '../database/ensure-database';
import { withDatabase } from '../database/database-url';
import { acquireTestPostgres } from './test-postgres';

export interface TestDatabase {
  /** Unique database name, e.g. test_outbox_3f9a1c2b7d. */
  name: string;
  /** URL of the fresh database, for createServiceDataSource() or a service's config. */
  url: string;
  /** Admin URL of the server, e.g. to create more databases. */
  adminUrl: string;
  /** Drops the database (disconnecting leftover sessions) and releases the server. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file. Call in beforeAll and drop() in afterAll:
 *
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await createTestDatabase('outbox'); });
 *   afterAll(() => db.drop());
 */
export async function createTestDatabase(label = 'db'): Promise<TestDatabase> {
  const lease = await acquireTestPostgres();
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 30);
  const name = `test_${safeLabel}_${randomBytes(5).toString('hex')}`;
  try {
    await ensureDatabase(lease.adminUrl, name);
  } catch (error) {
    await lease.release();
    throw error;
  }
  return {
    name,
    url: withDatabase(lease.adminUrl, name),
    adminUrl: lease.adminUrl,
    drop: async () => {
      try {
        await dropDatabase(lease.adminUrl, name);
      } finally {
        await lease.release();
      }
    },
  };
}
