import type { EntityManager } from 'typeorm';

/** Deduplication of deliveries per consumer (architecture.md §2.2). */
export const Inbox = {
  /**
   * Records that `consumer` handles `eventId` now. Returns false when it already did: the caller then
   * skips its effect. Must run in the transaction of that effect, so that either both the effect and
   * the record commit or neither does. A concurrent duplicate blocks on the primary key until the
   * first transaction ends, then gets false (if it committed) or true (if it rolled back).
   */
  async record(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Inbox.record must run inside the transaction of the effect it guards');
    }
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, eventId],
    );
    return inserted.length === 1;
  },
};
