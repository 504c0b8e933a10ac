import type { EntityManager } from 'typeorm';
import type { OutgoingMessage } from '../ports/message-bus.port';

export interface ClaimedOutboxRow {
  id: string;
  message: OutgoingMessage;
}

export interface OutboxBacklog {
  /** Rows not yet published. */
  size: number;
  /** Age in seconds of the oldest unpublished row; 0 when there is none. */
  oldestAgeSeconds: number;
}

/**
 * Advisory lock key of "the relay whose turn it is" in a service's database. Several instances of a
 * service each run a relay; only the one holding this transaction-scoped lock claims a batch, so batches
 * are published one after another and a dossier's events reach Kafka in the order they were written,
 * however many instances run. The lock ends with the batch's transaction (commit, rollback or a dead
 * connection), so a crashed instance never holds the others up.
 */
export const OUTBOX_RELAY_TURN_LOCK = 5_155_020_711;

/**
 * Claims up to `limit` unpublished rows in id order and marks them published, in one statement and in the
 * caller's transaction, if no other relay of this database holds its turn (otherwise claims nothing:
 * that relay is publishing, and the rows will follow its batch). The mark stands only if the transaction
 * commits, which the relay does after the broker acknowledged the messages (a failed send rolls it back
 * and the rows are claimed again). One statement instead of a lock, a locking read and an update: the
 * relay runs one cycle per few events, and each round trip to PostgreSQL costs more than the work in it.
 * The turn is taken in a CTE: a volatile function there is evaluated, never inlined away.
 *
 * Why not "WHERE id > last published id": ids are drawn from the sequence before commit, so a
 * transaction that got id 7 may commit after the one that got id 8; a cursor at 8 would skip 7 for
 * ever. Filtering on published_at instead picks 7 up on the next poll after it commits.
 */
export async function claimForPublishing(manager: EntityManager, limit: number): Promise<ClaimedOutboxRow[]> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
  const [rows]: [Array<{ id: string; topic: string; message_key: string | null; envelope: unknown; headers: Record<string, string> }>, number] =
    await manager.query(
      `WITH turn AS (SELECT pg_try_advisory_xact_lock($2) AS mine)
       UPDATE outbox SET published_at = now()
        WHERE id IN (SELECT pending.id FROM outbox pending, turn
                      WHERE turn.mine AND pending.published_at IS NULL
                      ORDER BY pending.id LIMIT $1 FOR UPDATE OF pending SKIP LOCKED)
        RETURNING id, topic, message_key, envelope, headers`,
      [limit, OUTBOX_RELAY_TURN_LOCK],
    );
  // RETURNING follows no order: per-key order on the topic is id order.
  return rows
    .map((row) => ({
      id: String(row.id),
      message: { topic: row.topic, key: row.message_key, value: JSON.stringify(row.envelope), headers: row.headers ?? {} },
    }))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
}

export async function measureBacklog(manager: EntityManager): Promise<OutboxBacklog> {
  const [row] = await manager.query(
    `SELECT count(*)::int AS size,
            COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
       FROM outbox WHERE published_at IS NULL`,
  );
  return { size: Number(row.size), oldestAgeSeconds: Number(row.age) };
}

/** Deletes published rows older than `before` (the outbox is not an archive). Returns the count. */
export async function purgePublished(manager: EntityManager, before: Date): Promise<number> {
  const result = await manager.query(`DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < $1`, [before]);
  // TypeORM's postgres driver returns [rows, rowCount] for DELETE.
  return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
}
