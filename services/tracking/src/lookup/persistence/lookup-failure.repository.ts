import type { EntityManager } from 'typeorm';

/** Failed attempts per reference, in the database so every instance of the service shares the count. */
export class LookupFailureRepository {
  async countRecent(manager: EntityManager, referenceKey: string, windowMinutes: number): Promise<number> {
    const [row]: Array<{ count: string }> = await manager.query(
      `SELECT count(*)::text AS count FROM lookup_failures WHERE reference_key = $1 AND failed_at > now() - make_interval(mins => $2)`,
      [referenceKey, windowMinutes],
    );
    return Number(row.count);
  }

  async record(manager: EntityManager, referenceKey: string): Promise<void> {
    await manager.query(`INSERT INTO lookup_failures (reference_key) VALUES ($1)`, [referenceKey]);
  }

  /** Housekeeping: failures older than the window no longer count. */
  async purgeOlderThan(manager: EntityManager, windowMinutes: number): Promise<number> {
    const result = await manager.query(`DELETE FROM lookup_failures WHERE failed_at < now() - make_interval(mins => $1)`, [windowMinutes]);
    // TypeORM's postgres driver returns [rows, rowCount] for DELETE.
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}
