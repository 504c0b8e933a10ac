import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../embedded/start-embedded-postgres';
import {
  EXTERNAL_KAFKA_BROKERS_ENV,
  EXTERNAL_PG_URL_ENV,
  TEST_PG_ADMIN_URL_ENV,
  TEST_SERVERS_FILE_ENV,
  type TestServersFile,
} from './test-environment';
import { setRunningTestServers, type RunningTestServers } from './running-test-servers';


/**
 * Jest globalSetup for the integration tier: ONE PostgreSQL for the whole run (unless PG_URL names an
 * external one), published to the test workers through the environment (workers are forked after this
 * runs and inherit it) and a JSON file; each test file gets its own database from it. Kafka is not
 * shared: topic names are fixed by the contracts, so files sharing a broker would consume each other's
 * events. acquireTestKafka() starts the project's broker per file instead (it starts in milliseconds).
 */
export default async function globalSetup(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'bcci-test-run-'));
  chmodSync(root, 0o755); // the server may run as the `postgres` user
  const running: RunningTestServers = { root, stops: [] };

  const external = process.env[EXTERNAL_PG_URL_ENV];
  let pgAdminUrl = external ?? '';
  if (!external) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 0, fast: true });
    running.stops.push(() => server.stop());
    pgAdminUrl = server.adminUrl;
  }
  process.env[TEST_PG_ADMIN_URL_ENV] = pgAdminUrl;

  const file: TestServersFile = { pgAdminUrl, kafkaBrokers: process.env[EXTERNAL_KAFKA_BROKERS_ENV] };
  const filePath = path.join(root, 'servers.json');
  writeFileSync(filePath, JSON.stringify(file, null, 2));
  process.env[TEST_SERVERS_FILE_ENV] = filePath;
  setRunningTestServers(running);
}
