import type { SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';

/** Events per minute per stage and postal point, which the operations dashboard shows as throughput. */
export class StageMinutesRepository {
  /** One more event in its minute (by event time, so a replay rebuilds the same buckets). */
  countStatement(eventTime: string, stage: string, postalCode: string | null | undefined): SqlStatement {
    return {
      text: `INSERT INTO operations_stage_minutes (minute, stage, postal_code, events) VALUES (date_trunc('minute', $1::timestamptz), $2, $3, 1)
       ON CONFLICT (minute, stage, postal_code) DO UPDATE SET events = operations_stage_minutes.events + 1`,
      values: [eventTime, stage, postalCode ?? ''],
    };
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE operations_stage_minutes`);
  }
}
