import type { EntityManager } from 'typeorm';
import type { BcciEvent } from '@bcci/contracts';
import { writeWithNextStatement } from '@bcci/persistence';

export interface FeedEntry {
  seq: string;
  event: BcciEvent;
}

/** The agency's HTTP feed and its acknowledged cursor; cursors are the feed's sequence numbers. */
export class AgencyFeedRepository {
  /**
   * Appends an event copied to the agency, and a webhook delivery when the agency has a webhook: one
   * statement, sent with the transaction's next one (its commit at the latest), as nothing reads it.
   */
  async append(manager: EntityManager, agencyId: string, event: BcciEvent): Promise<void> {
    await writeWithNextStatement(manager, {
      text: `WITH entry AS (
               INSERT INTO agency_feed_entry (agency_id, dossier_id, event_id, event_type, envelope) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING seq
             )
             INSERT INTO webhook_delivery (agency_id, feed_seq, event_id) SELECT webhook.agency_id, entry.seq, $3 FROM agency_webhook webhook, entry WHERE webhook.agency_id = $1`,
      values: [agencyId, event.subject, event.id, event.type, JSON.stringify(event)],
    });
  }

  async readAfter(manager: EntityManager, agencyId: string, after: string, limit: number): Promise<FeedEntry[]> {
    const rows = (await manager.query(
      `SELECT seq, envelope FROM agency_feed_entry WHERE agency_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [agencyId, after, limit],
    )) as Array<{ seq: string; envelope: BcciEvent }>;
    return rows.map((r) => ({ seq: String(r.seq), event: r.envelope }));
  }

  async ackedCursor(manager: EntityManager, agencyId: string): Promise<string> {
    const rows = (await manager.query(`SELECT acked_seq FROM agency_feed_cursor WHERE agency_id = $1`, [agencyId])) as Array<{ acked_seq: string }>;
    return rows[0] ? String(rows[0].acked_seq) : '0';
  }

  async lastSeq(manager: EntityManager, agencyId: string): Promise<string> {
    const rows = (await manager.query(`SELECT coalesce(max(seq), 0) AS last FROM agency_feed_entry WHERE agency_id = $1`, [agencyId])) as Array<{ last: string }>;
    return String(rows[0].last);
  }

  /** Moves the acknowledged cursor forward only: an older or repeated ack changes nothing. */
  async ack(manager: EntityManager, agencyId: string, cursor: string): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO agency_feed_cursor (agency_id, acked_seq) VALUES ($1, $2)
       ON CONFLICT (agency_id) DO UPDATE SET acked_seq = greatest(agency_feed_cursor.acked_seq, excluded.acked_seq), acked_at = now()
       RETURNING acked_seq`,
      [agencyId, cursor],
    )) as Array<{ acked_seq: string }>;
    return String(rows[0].acked_seq);
  }
}
