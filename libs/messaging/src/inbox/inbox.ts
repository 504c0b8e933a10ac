import { isUniqueViolation, writeWithNextStatement } from '@bcci/persistence';
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
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Inbox.record must run inside the transaction of the effect it guards');
    }
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, eventId],
    );
    return inserted.length === 1;
  },

  /**
   * record() for a run of events handled in one transaction, in one statement: answers the ids recorded
   * now. An id repeated in the run is recorded (and so handled) once.
   */
  async recordMany(manager: EntityManager, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Inbox.recordMany must run inside the transaction of the effects it guards');
    }
    if (eventIds.length === 0) return new Set();
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id) SELECT $1, id FROM unnest($2::text[]) AS e(id) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, [...eventIds]],
    );
    return new Set(inserted.map((row) => String(row.event_id)));
  },

  /**
   * Records a run's events as handled now, presuming none was handled before, without a round trip of
   * its own: a plain INSERT (no ON CONFLICT) that goes to PostgreSQL with the transaction's next
   * statement (writeWithNextStatement). Nearly every delivery is a first one (Kafka redelivers only
   * after a crash or a rebalance), and recordMany's answer costs a round trip per consumer transaction
   * that a handler's own first statement can carry. Should an event have been handled before, the
   * INSERT meets its row, the transaction fails with an error isConflict recognises, and the caller
   * runs the events again through recordMany, which says which to skip. A concurrent duplicate waits on
   * the key as it does for record().
   */
  async presumeNew(manager: EntityManager, consumer: string, eventIds: readonly string[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Inbox.presumeNew must run inside the transaction of the effects it guards');
    }
    // An id repeated in the run would meet itself: it is recorded (and handled) once.
    const distinct = [...new Set(eventIds)];
    if (distinct.length === 0) return;
    await writeWithNextStatement(manager, {
      text: `INSERT INTO inbox (consumer, event_id) SELECT $1, id FROM unnest($2::text[]) AS e(id)`,
      values: [consumer, distinct],
    });
  },

  /** True when a transaction failed because presumeNew met an event handled before. */
  isConflict(error: unknown): boolean {
    return isUniqueViolation(error) && (error as { constraint?: unknown }).constraint === INBOX_KEY;
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
