import type { DataSource } from 'typeorm';

// Any constant shared by all services; each service has its own database, so they never contend.
const MIGRATION_LOCK_KEY = 5_155_020_710;

/**
 * Applies pending migrations, each in its own transaction, and returns the names applied.
 * Initialises the data source when needed and leaves it open for the caller.
 *
 * TypeORM does not guard against two instances of a service migrating at once, so we hold a
 * session-level advisory lock for the duration: the second instance waits, then finds nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockHolder.release();
  }
}
