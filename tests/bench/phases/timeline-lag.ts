import type { BenchContext } from '../bench-phase';
import { summarize, type LatencySummary } from '../latency-stats';
import { openTrackingDatabase } from './tracking-database';

/**
 * Lag from each event's own time (CloudEvents `time`, set when the producing service wrote it to its
 * outbox) to the moment tracking recorded it in the timeline (`recorded_at`): outbox relay, Kafka, and
 * tracking's consumer with its projections. Same machine, same clock. Waits up to 60 s for tracking to
 * hold `expected` entries of these dossiers.
 */
export async function timelineLag(context: BenchContext, dossierIds: readonly string[], expected: number): Promise<LatencySummary> {
  const db = await openTrackingDatabase(context);
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = (await db.query(`SELECT count(*)::int AS n FROM timeline_entries WHERE dossier_id = ANY($1::uuid[])`, [dossierIds])) as Array<{ n: number }>;
      if (row!.n >= expected || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const rows = (await db.query(
      `SELECT extract(epoch FROM (recorded_at - event_time)) * 1000 AS lag_ms FROM timeline_entries WHERE dossier_id = ANY($1::uuid[])`,
      [dossierIds],
    )) as Array<{ lag_ms: string }>;
    return summarize(rows.map((r) => Math.max(0, Number(r.lag_ms))));
  } finally {
    await db.destroy();
  }
}
