import type { AdministrativeLevel, AdministrativeUnit } from './model/administrative-unit';
import type { Agency } from './model/agency';
import type { CatalogData } from './model/catalog-data';
import { formatPeriod, isInForce, nextDay, toIsoDate, type DateInput, type EffectivePeriod, type IsoDate } from './model/effective-date';
import type { PostalLeg, PostalLegScope, DestinationClass } from './model/postal-leg';
import type { PostalPoint } from './model/postal-point';
import type { Procedure } from './model/procedure';
import { computeCatalogVersion, shortCatalogVersion } from './catalog-version';
import { validateCatalogData } from './validation/validate-catalog';
import { CatalogValidationError } from './validation/validation-issue';

/** Thrown by `get*` when nothing with that id is in force on that day. */
export class CatalogLookupError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly date: IsoDate,
    readonly knownPeriods: readonly EffectivePeriod[],
  ) {
    super(
      knownPeriods.length === 0
        ? `Danh mục không có ${entity} "${id}"`
        : `${entity} "${id}" không có hiệu lực vào ngày ${date} (các phiên bản: ${knownPeriods.map(formatPeriod).join('; ')})`,
    );
    this.name = 'CatalogLookupError';
  }
}

class EffectiveIndex<T extends EffectivePeriod> {
  private readonly byId = new Map<string, T[]>();

  constructor(
    readonly entity: string,
    readonly records: readonly T[],
    idOf: (record: T) => string,
  ) {
    for (const record of records) {
      const list = this.byId.get(idOf(record)) ?? [];
      list.push(record);
      this.byId.set(idOf(record), list);
    }
    for (const list of this.byId.values()) list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  }

  find(id: string, date: IsoDate): T | undefined {
    return this.byId.get(id)?.find((record) => isInForce(record, date));
  }

  get(id: string, date: IsoDate): T {
    const found = this.find(id, date);
    if (!found) throw new CatalogLookupError(this.entity, id, date, this.byId.get(id) ?? []);
    return found;
  }

  history(id: string): readonly T[] {
    return this.byId.get(id) ?? [];
  }

  inForce(date: IsoDate): T[] {
    return this.records.filter((record) => isInForce(record, date));
  }
}

/**
 * The reference data as it stood on one day: what the units were called and who their parents were,
 * which postal points were open, which agency was competent for each procedure.
 */
export class CatalogSnapshot {
  constructor(
    private readonly catalog: Catalog,
    readonly date: IsoDate,
  ) {}

  get version(): string {
    return this.catalog.version;
  }

  administrativeUnits(level?: AdministrativeLevel): AdministrativeUnit[] {
    return this.catalog.indexes.units.inForce(this.date).filter((unit) => level === undefined || unit.level === level);
  }

  findAdministrativeUnit(code: string): AdministrativeUnit | undefined {
    return this.catalog.indexes.units.find(code, this.date);
  }

  getAdministrativeUnit(code: string): AdministrativeUnit {
    return this.catalog.indexes.units.get(code, this.date);
  }

  childrenOf(code: string): AdministrativeUnit[] {
    return this.administrativeUnits().filter((unit) => unit.parentCode === code);
  }

  /** The unit and its parents up to the province, as they stood that day (commune → district → province). */
  lineageOf(code: string): AdministrativeUnit[] {
    const chain: AdministrativeUnit[] = [];
    let current: AdministrativeUnit | undefined = this.getAdministrativeUnit(code);
    while (current) {
      chain.push(current);
      current = current.parentCode === null ? undefined : this.getAdministrativeUnit(current.parentCode);
    }
    return chain;
  }

  /** The enclosing unit of the given level that day, e.g. the district of a 2023 commune; undefined after 2025 for districts. */
  enclosingUnit(code: string, level: AdministrativeLevel): AdministrativeUnit | undefined {
    return this.lineageOf(code).find((unit) => unit.level === level);
  }

  postalPoints(): PostalPoint[] {
    return this.catalog.indexes.postalPoints.inForce(this.date);
  }

  findPostalPoint(postalCode: string): PostalPoint | undefined {
    return this.catalog.indexes.postalPoints.find(postalCode, this.date);
  }

  getPostalPoint(postalCode: string): PostalPoint {
    return this.catalog.indexes.postalPoints.get(postalCode, this.date);
  }

  /** Postal points standing in a unit or anywhere below it that day (a province, a 2023 district…). */
  postalPointsWithin(unitCode: string): PostalPoint[] {
    return this.postalPoints().filter((point) =>
      this.lineageOf(point.administrativeUnitCode).some((unit) => unit.code === unitCode),
    );
  }

  agencies(): Agency[] {
    return this.catalog.indexes.agencies.inForce(this.date);
  }

  findAgency(id: string): Agency | undefined {
    return this.catalog.indexes.agencies.find(id, this.date);
  }

  getAgency(id: string): Agency {
    return this.catalog.indexes.agencies.get(id, this.date);
  }

  procedures(): Procedure[] {
    return this.catalog.indexes.procedures.inForce(this.date);
  }

  /** Procedures offered through the public postal service that day (at least one service form). */
  bcciProcedures(): Procedure[] {
    return this.procedures().filter((procedure) => procedure.bcciServiceForms.length > 0);
  }

  findProcedure(code: string): Procedure | undefined {
    return this.catalog.indexes.procedures.find(code, this.date);
  }

  getProcedure(code: string): Procedure {
    return this.catalog.indexes.procedures.get(code, this.date);
  }

  findCompetentAgency(procedureCode: string): Agency | undefined {
    const period = this.findProcedure(procedureCode)?.competentAgencies.find((p) => isInForce(p, this.date));
    return period ? this.findAgency(period.agencyId) : undefined;
  }

  getCompetentAgency(procedureCode: string): Agency {
    const procedure = this.getProcedure(procedureCode);
    const period = procedure.competentAgencies.find((p) => isInForce(p, this.date));
    if (!period) throw new CatalogLookupError('cơ quan có thẩm quyền của thủ tục', procedureCode, this.date, procedure.competentAgencies);
    return this.getAgency(period.agencyId);
  }

  /** Procedures an agency is competent for that day, e.g. what an agency system should subscribe to. */
  proceduresOfAgency(agencyId: string): Procedure[] {
    return this.procedures().filter((procedure) =>
      procedure.competentAgencies.some((p) => p.agencyId === agencyId && isInForce(p, this.date)),
    );
  }

  postalLegs(): PostalLeg[] {
    return this.catalog.indexes.postalLegs.inForce(this.date);
  }

  findPostalLeg(scope: PostalLegScope, destinationClass: DestinationClass | null = null): PostalLeg | undefined {
    return this.postalLegs().find((leg) => leg.scope === scope && leg.destinationClass === destinationClass);
  }
}

/**
 * The validated, versioned reference catalog. Build it with `Catalog.fromData` (or a loader); it
 * refuses inconsistent data, listing every problem.
 */
export class Catalog {
  /** Content hash (`sha256:…`): equal in two processes exactly when they hold the same data. */
  readonly version: string;

  /** @internal shared with snapshots */
  readonly indexes: {
    readonly units: EffectiveIndex<AdministrativeUnit>;
    readonly postalPoints: EffectiveIndex<PostalPoint>;
    readonly agencies: EffectiveIndex<Agency>;
    readonly procedures: EffectiveIndex<Procedure>;
    readonly postalLegs: EffectiveIndex<PostalLeg>;
  };

  private constructor(
    readonly data: CatalogData,
    /** True when any of the data is illustrative sample data, never to be shown as official. */
    readonly sample: boolean,
  ) {
    this.version = computeCatalogVersion(data, sample);
    this.indexes = {
      units: new EffectiveIndex('đơn vị hành chính', data['administrative-units'], (u) => u.code),
      postalPoints: new EffectiveIndex('điểm phục vụ bưu chính', data['postal-points'], (p) => p.postalCode),
      agencies: new EffectiveIndex('cơ quan', data.agencies, (a) => a.id),
      procedures: new EffectiveIndex('thủ tục hành chính', data.procedures, (p) => p.code),
      postalLegs: new EffectiveIndex('chặng bưu chính', data['postal-legs'], (l) => l.id),
    };
  }

  /** Checks cross-record consistency and builds the catalog; throws CatalogValidationError with all issues. */
  static fromData(data: CatalogData, options: { sample?: boolean } = {}): Catalog {
    const issues = validateCatalogData(data);
    if (issues.length > 0) throw new CatalogValidationError(issues);
    return new Catalog(deepFreeze(data), options.sample ?? false);
  }

  get shortVersion(): string {
    return shortCatalogVersion(this.version);
  }

  at(date: DateInput): CatalogSnapshot {
    return new CatalogSnapshot(this, toIsoDate(date));
  }

  findAdministrativeUnit(code: string, date: DateInput): AdministrativeUnit | undefined {
    return this.at(date).findAdministrativeUnit(code);
  }

  getAdministrativeUnit(code: string, date: DateInput): AdministrativeUnit {
    return this.at(date).getAdministrativeUnit(code);
  }

  findPostalPoint(postalCode: string, date: DateInput): PostalPoint | undefined {
    return this.at(date).findPostalPoint(postalCode);
  }

  getPostalPoint(postalCode: string, date: DateInput): PostalPoint {
    return this.at(date).getPostalPoint(postalCode);
  }

  findAgency(id: string, date: DateInput): Agency | undefined {
    return this.at(date).findAgency(id);
  }

  getAgency(id: string, date: DateInput): Agency {
    return this.at(date).getAgency(id);
  }

  findProcedure(code: string, date: DateInput): Procedure | undefined {
    return this.at(date).findProcedure(code);
  }

  getProcedure(code: string, date: DateInput): Procedure {
    return this.at(date).getProcedure(code);
  }

  findCompetentAgency(procedureCode: string, date: DateInput): Agency | undefined {
    return this.at(date).findCompetentAgency(procedureCode);
  }

  getCompetentAgency(procedureCode: string, date: DateInput): Agency {
    return this.at(date).getCompetentAgency(procedureCode);
  }

  /** Every version of a unit, oldest first: how a code's name and parent changed over time. */
  administrativeUnitHistory(code: string): readonly AdministrativeUnit[] {
    return this.indexes.units.history(code);
  }

  agencyHistory(id: string): readonly Agency[] {
    return this.indexes.agencies.history(id);
  }

  /**
   * Follows `successorId` from an agency version in force on `date` to the one in force on `onDate`
   * (e.g. the reissued id after the 2025 merger). Undefined if the chain breaks.
   */
  findSuccessorAgency(id: string, date: DateInput, onDate: DateInput): Agency | undefined {
    const target = toIsoDate(onDate);
    let current = this.findAgency(id, date);
    for (let hops = 0; current && !isInForce(current, target); hops++) {
      // The merger chain is short; the bound only protects against a successor cycle in bad data.
      if (current.successorId === null || current.validTo === null || hops > 20) return undefined;
      current = this.indexes.agencies.find(current.successorId, nextDay(current.validTo));
    }
    return current;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
