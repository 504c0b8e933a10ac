import type { Catalog } from '@bcci/catalog';
import { toVietnamDate, type LocalDate, systemClock } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import { currentKeysOf } from '../domain/catalog-units';
import type { Basis } from '../domain/contributions';
import { periodCovers, type Period } from '../domain/period';
import { buildRatioReport, type DenominatorTotals, type RatioReport } from '../domain/ratio-report';
import { keysMatchScope, scopeHasDenominators, type Scope } from '../domain/scope';
import type { RatioTargets } from '../domain/targets';
import type { UnitMode } from '../domain/units';
import { DailyCountsRepository, type CountFilter } from '../persistence/daily-counts.repository';
import { DenominatorsRepository, type StoredDenominatorRow } from '../persistence/denominators.repository';

export interface RatioQuery {
  readonly period: Period;
  readonly scope: Scope;
  readonly basis: Basis;
  readonly units: UnitMode;
  readonly targets: RatioTargets;
}

const COLUMN_OF = {
  province: 'province_code',
  commune: 'commune_code',
  'postal-point': 'postal_code',
  agency: 'agency_id',
  procedure: 'procedure_code',
} as const;

/**
 * Reads the three ratios for a period and scope from the pre-aggregated daily counts and the imported
 * all-channel totals. Cost grows with the number of count rows (days × keys), not with dossiers.
 */
export class QueryRatiosUseCase {
  private readonly counts = new DailyCountsRepository();
  private readonly denominators = new DenominatorsRepository();

  constructor(
    private readonly catalog: Catalog,
    private readonly today: () => LocalDate = () => toVietnamDate(systemClock.now()),
  ) {}

  async execute(manager: EntityManager, query: RatioQuery): Promise<RatioReport> {
    const filter = await this.filterFor(manager, query);
    const [sums, bcciProcedures, denominators] = await Promise.all([
      this.counts.sums(manager, filter),
      this.counts.bcciProcedures(manager, filter),
      this.denominatorTotals(manager, query),
    ]);
    return buildRatioReport({ sums, bcciProcedures, denominators }, query);
  }

  /** The count filter: a column for units of the day; re-keyed tuples for today's units. */
  async filterFor(manager: EntityManager, query: RatioQuery): Promise<CountFilter> {
    const base = { basis: query.basis, start: query.period.start, end: query.period.end };
    const { scope } = query;
    if (scope.kind === 'all') return base;
    const needsRekey = query.units === 'current' && (scope.kind === 'province' || scope.kind === 'commune' || scope.kind === 'agency');
    if (!needsRekey) return { ...base, column: COLUMN_OF[scope.kind], value: scope.code };
    const today = this.today();
    const tuples = (await this.counts.keyTuples(manager, base))
      .filter(({ keys, firstDay }) => keysMatchScope(currentKeysOf(this.catalog, keys, firstDay as LocalDate, today), scope))
      .map(({ keys }) => [keys.provinceCode, keys.communeCode, keys.postalCode, keys.agencyId] as const);
    return { ...base, tuples };
  }

  private async denominatorTotals(manager: EntityManager, query: RatioQuery): Promise<DenominatorTotals> {
    const none: DenominatorTotals = { available: false, received: 0, resolved: 0, procedures: [], imports: 0, partialImports: 0 };
    if (!scopeHasDenominators(query.scope)) return none;
    const rows = await this.denominators.overlapping(manager, query.period.start, query.period.end);
    const today = this.today();
    const inScope = (row: StoredDenominatorRow): boolean => {
      const { scope } = query;
      switch (scope.kind) {
        case 'all':
          return true;
        case 'procedure':
          return row.procedureCode === scope.code;
        case 'province':
          return row.provinceCode === scope.code && (query.units === 'as-of-event' || this.catalog.findAdministrativeUnit(row.provinceCode, today) !== undefined);
        case 'agency':
          return query.units === 'current'
            ? (this.catalog.findSuccessorAgency(row.agencyId, row.periodStart, today)?.id ?? row.agencyId) === scope.code
            : row.agencyId === scope.code;
        default:
          return false;
      }
    };
    const scoped = rows.filter(inScope);
    const inside = scoped.filter((row) => periodCovers(query.period, row.periodStart as LocalDate, row.periodEnd as LocalDate));
    const periods = (list: StoredDenominatorRow[]) => new Set(list.map((row) => `${row.periodStart}|${row.periodEnd}|${row.agencyId}`)).size;
    if (inside.length === 0) return { ...none, partialImports: periods(scoped) };
    return {
      available: true,
      received: inside.reduce((total, row) => total + row.received, 0),
      resolved: inside.reduce((total, row) => total + row.resolved, 0),
      procedures: [...new Set(inside.filter((row) => row.received > 0 || row.resolved > 0).map((row) => row.procedureCode))].sort(),
      imports: periods(inside),
      partialImports: periods(scoped) - periods(inside),
    };
  }
}
