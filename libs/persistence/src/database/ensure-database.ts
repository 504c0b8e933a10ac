import { withAdminClient } from './admin-client';

const DUPLICATE_DATABASE = '42P04';

/**
 * Creates database `name` unless it exists. Returns true when it was created. Safe when several
 * processes race: the loser's CREATE fails with duplicate_database, which we treat as success.
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === DUPLICATE_DATABASE) return false;
      throw error;
    }
  });
}

/** Drops database `name` if it exists, disconnecting any sessions still attached (PostgreSQL 13+). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}
