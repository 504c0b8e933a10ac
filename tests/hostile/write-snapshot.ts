import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import type { E2eStack } from '../support/e2e-stack';

/** Row counts of every table of every database, and the end offset of every topic partition. */
export interface WriteSnapshot {
  readonly rows: ReadonlyMap<string, number>;
  readonly offsets: ReadonlyMap<string, string>;
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function rowCounts(adminUrl: string): Promise<Map<string, number>> {
  const databases = await withClient(adminUrl, async (client) =>
    (await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1`)).rows.map((row) => row.datname),
  );
  const counts = new Map<string, number>();
  for (const database of databases) {
    await withClient(databaseUrl(adminUrl, database), async (client) => {
      const tables = (
        await client.query<{ name: string }>(
          `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
        )
      ).rows;
      if (tables.length === 0) return;
      const union = tables.map((table, i) => `SELECT ${i} AS i, count(*)::int AS n FROM ${table.name}`).join(' UNION ALL ');
      for (const row of (await client.query<{ i: number; n: number }>(union)).rows) counts.set(`${database}.${tables[row.i]!.name}`, row.n);
    });
  }
  return counts;
}

async function topicOffsets(brokers: string[]): Promise<Map<string, string>> {
  const admin = new Kafka({ clientId: 'hostile-input-snapshot', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = new Map<string, string>();
    for (const topic of (await admin.listTopics()).sort()) {
      for (const partition of await admin.fetchTopicOffsets(topic)) offsets.set(`${topic}[${partition.partition}]`, partition.high);
    }
    return offsets;
  } finally {
    await admin.disconnect();
  }
}

export async function takeWriteSnapshot(stack: E2eStack): Promise<WriteSnapshot> {
  const [rows, offsets] = await Promise.all([rowCounts(stack.stack.databaseAdminUrl), topicOffsets(stack.kafkaBrokers)]);
  return { rows, offsets };
}

/** What changed between two snapshots, one line each. */
export function writesBetween(before: WriteSnapshot, after: WriteSnapshot): string[] {
  const changes: string[] = [];
  for (const [table, count] of after.rows) {
    const earlier = before.rows.get(table) ?? 0;
    if (count !== earlier) changes.push(`${table}: ${earlier} → ${count} rows`);
  }
  for (const [partition, high] of after.offsets) {
    const earlier = before.offsets.get(partition) ?? '0';
    if (high !== earlier) changes.push(`${partition}: end offset ${earlier} → ${high}`);
  }
  return changes;
}
