import type { EntityManager } from 'typeorm';

/**
 * Failed attempts per key (a dossier, or an unknown reference), in the database so every instance of the
 * service shares the count.
 */
export class LookupFailureRepository {
  /** The most failures any one of the keys has in the window. */
  async countRecent(manager: EntityManager, keys: readonly string[], windowMinutes: number): Promise<number> {
    const [row]: Array<{ count: string | null }> = await manager.query(
      `SELECT max(n)::text AS count FROM (
         SELECT count(*) AS n FROM lookup_failures
         WHERE reference_key = ANY($1::text[]) AND failed_at > now() - make_interval(mins => $2)
         GROUP BY reference_key) AS per_key`,
      [keys, windowMinutes],
    );
    return Number(row?.count ?? 0);
  }

  async record(manager: EntityManager, keys: readonly string[]): Promise<void> {
    await manager.query(`INSERT INTO lookup_failures (reference_key) SELECT unnest($1::text[])`, [keys]);
  }

  /** Housekeeping: failures older than the window no longer count. */
  async purgeOlderThan(manager: EntityManager, windowMinutes: number): Promise<number> {
    const result = await manager.query(`DELETE FROM lookup_failures WHERE failed_at < now() - make_interval(mins => $1)`, [windowMinutes]);
    // TypeORM's postgres driver returns [rows, rowCount] for DELETE.
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}
