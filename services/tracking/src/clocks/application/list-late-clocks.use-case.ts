import type { Actor } from '@bcci/auth';
import type { DataSource } from 'typeorm';
import type { SummaryScope } from '../../dossiers/persistence/dossier-summary.repository';
import { atRiskHorizon } from '../domain/clock-status';
import { DossierClockRepository, type ListedClock } from '../persistence/dossier-clock.repository';
import type { ClockSettings } from './clock-settings';

export interface LateClockQuery {
  party?: 'POSTAL' | 'AGENCY';
  includeClosedLate?: boolean;
  limit?: number;
  offset?: number;
}

export interface LateClockPage {
  /** The day the list was read for (Vietnam). */
  asOf: string;
  /** Inclusive last due date flagged as at risk (at-risk lists only). */
  atRiskUntil?: string;
  total: number;
  items: ListedClock[];
}

/** Operations see their province; auditors everything. */
export function clockScopeOf(actor: Actor): SummaryScope | undefined {
  return actor.role === 'auditor' ? undefined : { provinceCode: actor.provinceCode ?? '' };
}

/** Overdue clocks (running past their due date; optionally also closed late), attributed to their party. */
export class ListOverdueClocks {
  private readonly clocks = new DossierClockRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ClockSettings,
  ) {}

  async execute(actor: Actor, query: LateClockQuery): Promise<LateClockPage> {
    const today = this.settings.today();
    const page = await this.clocks.list(this.dataSource.manager, {
      overdueBefore: today,
      includeClosedLate: query.includeClosedLate,
      party: query.party,
      scope: clockScopeOf(actor),
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    return { asOf: today, ...page, items: page.items.map((item) => ({ ...item, status: item.status === 'LATE' ? 'LATE' : 'OVERDUE' })) };
  }
}

/** Running clocks due today or within the warning window (AT_RISK_WORKING_DAYS working days). */
export class ListAtRiskClocks {
  private readonly clocks = new DossierClockRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ClockSettings,
  ) {}

  async execute(actor: Actor, query: LateClockQuery): Promise<LateClockPage> {
    const today = this.settings.today();
    const horizon = atRiskHorizon(today, this.settings.reading);
    const page = await this.clocks.list(this.dataSource.manager, {
      dueBetween: { from: today, to: horizon },
      party: query.party,
      scope: clockScopeOf(actor),
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    return { asOf: today, atRiskUntil: horizon, ...page, items: page.items.map((item) => ({ ...item, status: 'AT_RISK' })) };
  }
}
