import type { DataSource } from 'typeorm';
import { createServiceDataSource, createTestDatabase, runMigrations, type TestDatabase } from '@bcci/persistence';
import { messagingEntities, messagingMigrations } from '@bcci/messaging';

/** A fresh database with the outbox and inbox tables plus a `dossier` table standing in for service state. */
export async function openMessagingDatabase(label: string): Promise<{ db: TestDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase(label);
  const dataSource = createServiceDataSource({ url: db.url, entities: messagingEntities, migrations: messagingMigrations });
  await runMigrations(dataSource);
  await dataSource.query(`CREATE TABLE dossier (id text PRIMARY KEY, status text NOT NULL, handled_count int NOT NULL DEFAULT 0)`);
  return {
    db,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
