import { presumeIfAllowed, writeWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';

/** The inbox's primary key, (consumer, event_id): the constraint a presumed record meets on a redelivery. */
const INBOX_KEY = 'inbox_pkey';

/** Deduplication of deliveries per consumer (architecture.md §2.2). */
export const Inbox = {
  /**
   * Records that `consumer` handles `eventId` now. Returns false when it already did: the caller then
   * skips its effect. Must run in the transaction of that effect, so that either both the effect and
   * the record commit or neither does. A concurrent duplicate blocks on the primary key until the
   * first transaction ends, then gets false (if it committed) or true (if it rolled back).
   */
  async record(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    return (await Inbox.recordMany(manager, consumer, [eventId])).has(eventId);
  },

  /**
   * record() for a run of events handled in one transaction, in one statement: answers the ids recorded
   * now. An id repeated in the run is recorded (and so handled) once.
   *
   * Where the transaction's owner lets steps presume (presumption.ts in @bcci/persistence: the consumer
   * runtime's first try), the events are presumed new: a plain INSERT sent with the transaction's next
   * statement (the handler's first), no round trip of its own, and every id answered as new. Nearly
   * every delivery is a first one (Kafka redelivers after a crash or a rebalance). A redelivered event's
   * row then meets inbox_pkey, the transaction fails, and the consumer runs the events again at once
   * without presuming: this statement then says which to skip.
   */
  async recordMany(manager: EntityManager, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Inbox.recordMany must run inside the transaction of the effects it guards');
    }
    const distinct = [...new Set(eventIds)];
    if (distinct.length === 0) return new Set();
    if (presumeIfAllowed(manager, INBOX_KEY)) {
      await writeWithNextStatement(manager, {
        text: `INSERT INTO inbox (consumer, event_id) SELECT $1, id FROM unnest($2::text[]) AS e(id)`,
        values: [consumer, distinct],
      });
      return new Set(distinct);
    }
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id) SELECT $1, id FROM unnest($2::text[]) AS e(id) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, distinct],
    );
    return new Set(inserted.map((row) => String(row.event_id)));
  },

  /**
   * Deletes records handled before `before`. Safe once `before` is older than the retention of every
   * consumed topic: Kafka can no longer redeliver those events, so there is nothing left to deduplicate.
   */
  async purgeHandled(manager: EntityManager, before: Date): Promise<number> {
    const result = await manager.query(`DELETE FROM inbox WHERE processed_at < $1`, [before]);
    // TypeORM's postgres driver returns [rows, rowCount] for DELETE.
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  },
};
