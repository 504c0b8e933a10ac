import type { Actor } from '@bcci/auth';
import type { Catalog } from '@bcci/catalog';
import { toVietnamDate, type LocalDate, systemClock } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import { QueryRatiosUseCase } from '../../counting/application/query-ratios.use-case';
import { currentQuarter } from '../../counting/application/ratio-query-parser';
import { CatalogUnitResolver } from '../../counting/domain/catalog-units';
import { parsePeriod } from '../../counting/domain/period';
import type { RatioReport } from '../../counting/domain/ratio-report';
import type { Scope } from '../../counting/domain/scope';
import { LAO_CAI_2022_TARGETS } from '../../counting/domain/targets';
import { DailyCountsRepository } from '../../counting/persistence/daily-counts.repository';
import type { DeadLetterCountsQuery, DeadLetterSummary } from './dead-letter-counts.query';
import type { TrackingLag, TrackingLagQuery } from './tracking-lag.query';

export interface StageMinute {
  readonly minute: string;
  readonly stage: string;
  readonly events: number;
}

export interface PostalPointRow {
  readonly postalCode: string;
  readonly name: string;
  readonly received: number;
  readonly delivered: number;
  readonly backlog: number;
}

export interface OperationsSummary {
  readonly generatedAt: string;
  readonly scope: Scope;
  /** Events recorded per minute and stage over the last `minutes` minutes (by event time). */
  readonly throughput: { readonly minutes: number; readonly series: readonly StageMinute[] };
  /** Open dossiers by their current stage. */
  readonly backlog: Readonly<Record<string, number>>;
  readonly ratios: RatioReport;
  readonly postalPoints: readonly PostalPointRow[];
  /** Dead letters per topic, all services together: each one waits for a person (`npm run dlq:replay`). */
  readonly deadLetters: DeadLetterSummary;
  /** How far behind the events the figures above are (tracking's own consumer lag). */
  readonly trackingLag: TrackingLag;
}

const STAGES = ['intake', 'digitization', 'forwarding', 'agency', 'return'];

/**
 * What the operations dashboard shows, in one read: throughput, backlog per stage, the three ratios of
 * the current quarter and a table per postal point. Operations see their province; auditors everything.
 */
export class OperationsSummaryQuery {
  private readonly counts = new DailyCountsRepository();

  constructor(
    private readonly catalog: Catalog,
    private readonly ratios: QueryRatiosUseCase,
    private readonly deadLetters: DeadLetterCountsQuery,
    private readonly trackingLag: TrackingLagQuery,
  ) {}

  async execute(manager: EntityManager, actor: Actor, options: { period?: string; minutes?: number } = {}): Promise<OperationsSummary> {
    const now = systemClock.now();
    const today = toVietnamDate(now);
    const scope: Scope = actor.role === 'operations' && actor.provinceCode ? { kind: 'province', code: actor.provinceCode } : { kind: 'all', code: '' };
    const points = this.pointsInScope(scope, today);
    const minutes = options.minutes ?? 30;
    const period = parsePeriod(options.period ?? currentQuarter(now));
    const [throughput, backlogRows, ratios, perPoint, deadLetters, trackingLag] = await Promise.all([
      manager.query(
        `SELECT to_char(minute AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI') AS minute, stage, SUM(events)::int AS events
         FROM operations_stage_minutes
         WHERE minute >= date_trunc('minute', $3::timestamptz) - make_interval(mins => $1) AND ($2::text[] IS NULL OR postal_code = ANY($2::text[]))
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [minutes, points, now.toISOString()], // the window ends at the service clock's now, like the events' times
      ) as Promise<StageMinute[]>,
      manager.query(
        `SELECT stage, intake_postal_code AS postal_code, count(*)::int AS open FROM counting_dossier_facts
         WHERE open AND stage IS NOT NULL AND ($1::text[] IS NULL OR intake_postal_code = ANY($1::text[])) GROUP BY 1, 2`,
        [points],
      ) as Promise<{ stage: string; postal_code: string | null; open: number }[]>,
      this.ratios.execute(manager, { period, scope, basis: 'event', units: 'as-of-event', targets: LAO_CAI_2022_TARGETS }),
      this.counts.sumsByPostalPoint(
        manager,
        { basis: 'event', start: period.start, end: period.end, ...(scope.kind === 'province' ? { column: 'province_code' as const, value: scope.code } : {}) },
        ['bcci-received', 'result-delivered'],
      ),
      this.deadLetters.execute(),
      this.trackingLag.execute(manager),
    ]);
    const backlog: Record<string, number> = Object.fromEntries(STAGES.map((stage) => [stage, 0]));
    const backlogByPoint = new Map<string, number>();
    for (const row of backlogRows) {
      backlog[row.stage] = (backlog[row.stage] ?? 0) + row.open;
      if (row.postal_code) backlogByPoint.set(row.postal_code, (backlogByPoint.get(row.postal_code) ?? 0) + row.open);
    }
    const table = new Map<string, { received: number; delivered: number }>();
    for (const row of perPoint) {
      if (!row.postalCode) continue;
      const entry = table.get(row.postalCode) ?? { received: 0, delivered: 0 };
      if (row.metric === 'bcci-received') entry.received += row.total;
      else entry.delivered += row.total;
      table.set(row.postalCode, entry);
    }
    for (const code of backlogByPoint.keys()) if (!table.has(code)) table.set(code, { received: 0, delivered: 0 });
    const postalPoints = [...table.entries()]
      .map(([postalCode, figures]) => ({
        postalCode,
        name: this.catalog.findPostalPoint(postalCode, today)?.name ?? this.catalog.indexes.postalPoints.history(postalCode).at(-1)?.name ?? postalCode,
        ...figures,
        backlog: backlogByPoint.get(postalCode) ?? 0,
      }))
      .sort((a, b) => a.postalCode.localeCompare(b.postalCode));
    return { generatedAt: now.toISOString(), scope, throughput: { minutes, series: throughput }, backlog, ratios, postalPoints, deadLetters, trackingLag };
  }

  /** Postal codes of the province as it stands today, plus any that stood in it before (null = all). */
  private pointsInScope(scope: Scope, today: LocalDate): string[] | null {
    if (scope.kind !== 'province') return null;
    const resolver = new CatalogUnitResolver(this.catalog);
    const codes = new Set<string>();
    for (const point of this.catalog.data['postal-points']) {
      const day = (point.validTo && point.validTo < today ? point.validTo : today) as LocalDate;
      if (resolver.locatePostalPoint(point.postalCode, day)?.provinceCode === scope.code) codes.add(point.postalCode);
    }
    return [...codes];
  }
}
