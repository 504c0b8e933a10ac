import type { SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';

/** Events recorded in one stage at one postal point, by event time. */
export interface StageEvent {
  readonly eventTime: string;
  readonly stage: string;
  readonly postalCode: string | null | undefined;
}

const MINUTE_MS = 60_000;

/** Events per minute per stage and postal point, which the operations dashboard shows as throughput. */
export class StageMinutesRepository {
  /**
   * The events counted into their minutes (by event time, so a replay rebuilds the same buckets), one
   * statement for any number of events: counted per bucket first, since one statement may not update a
   * row twice.
   */
  countStatement(events: readonly StageEvent[]): SqlStatement {
    const buckets = new Map<string, { minute: string; stage: string; postalCode: string; events: number }>();
    for (const event of events) {
      const minute = new Date(Math.floor(Date.parse(event.eventTime) / MINUTE_MS) * MINUTE_MS).toISOString();
      const postalCode = event.postalCode ?? '';
      const key = `${minute} ${event.stage} ${postalCode}`;
      const bucket = buckets.get(key) ?? { minute, stage: event.stage, postalCode, events: 0 };
      bucket.events += 1;
      buckets.set(key, bucket);
    }
    const rows = [...buckets.values()];
    return {
      text: `INSERT INTO operations_stage_minutes (minute, stage, postal_code, events)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (minute, stage, postal_code) DO UPDATE SET events = operations_stage_minutes.events + EXCLUDED.events`,
      values: [rows.map((row) => row.minute), rows.map((row) => row.stage), rows.map((row) => row.postalCode), rows.map((row) => row.events)],
    };
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE operations_stage_minutes`);
  }
}
