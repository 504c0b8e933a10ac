import type { EntityManager } from 'typeorm';

export interface DueDelivery {
  id: string;
  agencyId: string;
  feedSeq: string;
  eventId: string;
  attempts: number;
  url: string;
  secret: string;
  envelope: unknown;
}

/** Webhook subscriptions and their persisted deliveries and attempts. */
export class WebhookRepository {
  async upsert(manager: EntityManager, agencyId: string, url: string, secret: string): Promise<void> {
    await manager.query(
      `INSERT INTO agency_webhook (agency_id, url, secret) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = now()`,
      [agencyId, url, secret],
    );
  }

  async find(manager: EntityManager, agencyId: string): Promise<{ url: string; updatedAt: string } | undefined> {
    const rows = (await manager.query(`SELECT url, updated_at FROM agency_webhook WHERE agency_id = $1`, [agencyId])) as Array<{ url: string; updated_at: Date }>;
    return rows[0] && { url: rows[0].url, updatedAt: new Date(rows[0].updated_at).toISOString() };
  }

  /**
   * Claims due deliveries: each is leased (pushed `leaseMs` into the future) so that another worker or
   * a crash does not deliver it twice at once; an unfinished lease simply expires into a retry. One
   * statement (SKIP LOCKED picks and leases in it), so it needs no transaction of the caller's.
   */
  async claimDue(manager: EntityManager, limit: number, leaseMs: number): Promise<DueDelivery[]> {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affectedCount].
    const [rows] = (await manager.query(
      `UPDATE webhook_delivery d SET next_attempt_at = now() + ($2 || ' milliseconds')::interval
       FROM (SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due,
            agency_webhook w, agency_feed_entry f
       WHERE d.id = due.id AND w.agency_id = d.agency_id AND f.seq = d.feed_seq
       RETURNING d.id, d.agency_id, d.feed_seq, d.event_id, d.attempts, w.url, w.secret, f.envelope`,
      [limit, String(leaseMs)],
    )) as [Array<{ id: string; agency_id: string; feed_seq: string; event_id: string; attempts: number; url: string; secret: string; envelope: unknown }>, number];
    return rows.map((r) => ({ id: String(r.id), agencyId: r.agency_id, feedSeq: String(r.feed_seq), eventId: r.event_id, attempts: r.attempts, url: r.url, secret: r.secret, envelope: r.envelope }));
  }

  async recordAttempt(
    manager: EntityManager,
    delivery: DueDelivery,
    outcome: { ok: boolean; statusCode?: number; error?: string; nextAttemptInMs?: number; giveUp: boolean },
  ): Promise<void> {
    const attempt = delivery.attempts + 1;
    await manager.query(`INSERT INTO webhook_delivery_attempt (delivery_id, attempt, status_code, error) VALUES ($1, $2, $3, $4)`, [
      delivery.id,
      attempt,
      outcome.statusCode ?? null,
      outcome.error ?? null,
    ]);
    const status = outcome.ok ? 'DELIVERED' : outcome.giveUp ? 'FAILED' : 'PENDING';
    await manager.query(
      `UPDATE webhook_delivery SET attempts = $2, status = $3, last_status_code = $4, last_error = $5,
         delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() ELSE NULL END,
         next_attempt_at = now() + ($6 || ' milliseconds')::interval
       WHERE id = $1`,
      [delivery.id, attempt, status, outcome.statusCode ?? null, outcome.error ?? null, String(outcome.nextAttemptInMs ?? 0)],
    );
  }
}
