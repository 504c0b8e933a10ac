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
 * Locks up to `limit` unpublished rows in id order, skipping rows another relay holds.
 *
 * Why not "WHERE id > last published id": ids are drawn from the sequence before commit, so a
 * transaction that got id 7 may commit after the one that got id 8; a cursor at 8 would skip 7 for
 * ever. Filtering on published_at instead picks 7 up on the next poll after it commits. Must run in
 * a transaction that stays open until markPublished, so the locks last through publication.
 */
export async function claimUnpublished(manager: EntityManager, limit: number): Promise<ClaimedOutboxRow[]> {
  const rows: Array<{ id: string; topic: string; message_key: string | null; envelope: unknown; headers: Record<string, string> }> =
    await manager.query(
      `SELECT id, topic, message_key, envelope, headers
         FROM outbox
        WHERE published_at IS NULL
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  return rows.map((row) => ({
    id: String(row.id),
    message: { topic: row.topic, key: row.message_key, value: JSON.stringify(row.envelope), headers: row.headers ?? {} },
  }));
}

export async function markPublished(manager: EntityManager, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
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
