import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../embedded/start-embedded-postgres';
import { SharedServer } from './shared-server';
import { EXTERNAL_PG_URL_ENV, TEST_PG_ADMIN_URL_ENV } from './test-environment';

export interface TestPostgresLease {
  adminUrl: string;
  release(): Promise<void>;
}

/** Starts a throw-away embedded PostgreSQL in a fresh temporary directory. */
export async function startThrowawayPostgres(): Promise<{ server: EmbeddedPostgresHandle; stop(): Promise<void> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'bcci-pg-'));
  // mkdtemp creates 0700; the server runs as the `postgres` user when we are root and must get in.
  chmodSync(root, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'data'), port: 0, fast: true });
  return {
    server,
    stop: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// One server per Jest module registry (i.e. per test file) when no global one exists, shared by every
// createTestDatabase() of that file and stopped when the last lease is released.
const local = new SharedServer<string>(() => {
  const starting = startThrowawayPostgres();
  return { value: starting.then(({ server }) => server.adminUrl), stop: () => starting.then(({ stop }) => stop()) };
});

/**
 * The PostgreSQL for this test file, in order of preference: PG_URL (external server, nothing
 * started), the server of the Jest global setup, or one started for this file alone.
 */
export async function acquireTestPostgres(): Promise<TestPostgresLease> {
  const shared = process.env[EXTERNAL_PG_URL_ENV] || process.env[TEST_PG_ADMIN_URL_ENV];
  if (shared) return { adminUrl: shared, release: async () => undefined };
  const lease = await local.acquire();
  return { adminUrl: lease.value, release: lease.release };
}
