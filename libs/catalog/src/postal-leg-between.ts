import type { CatalogSnapshot } from './catalog';
import type { AdministrativeUnit } from './model/administrative-unit';
import type { DestinationClass, PostalLeg, PostalLegScope } from './model/postal-leg';

/** Where a journey starts and ends, as administrative units. */
export interface PostalLegEnds {
  /** Commune of the postal point at one end. */
  readonly originUnitCode: string;
  /** Unit the agency serves (a province for a department, a commune for a commune's people's committee); null when it has none. */
  readonly agencyUnitCode: string | null;
}

/** The catalog has no leg of the class a journey needs on that day. */
export class NoPostalLegError extends Error {
  constructor(
    readonly date: string,
    readonly wanted: string,
  ) {
    super(`No postal leg "${wanted}" in force on ${date} in the catalog`);
    this.name = 'NoPostalLegError';
  }
}

/**
 * The one rule of TT 17/2017 Đ7.2 for every service that computes a postal J+n (intake's slip,
 * forwarding's leg to the agency, returns' leg back): within one local unit J+1, between local units of
 * a province J+2, between provinces J+3 (special or class-I cities) or J+4. Which unit is "local" is the
 * catalog's business on the day: districts while the catalog carries district legs (until 2025-06-30),
 * communes after. The same two places were "between districts" in 2024 and "between communes" in 2026.
 *
 * Comparison is on the agency's own unit:
 * - an agency serving a province (a department) cannot be placed in one district or commune from the
 *   catalog, so a journey to it is never "within a local unit" (J+2 inside its province);
 * - an agency with no unit (a ministry, the demo agency) or one the catalog does not place is reached
 *   between provinces;
 * - between provinces, the class-I leg needs both ends to be centrally-run cities; the catalog has no
 *   urban class for other cities, so they take the longer "other" leg (assumption, data-driven).
 */
export function classifyPostalLeg(snapshot: CatalogSnapshot, ends: PostalLegEnds): PostalLeg {
  const origin = snapshot.lineageOf(ends.originUnitCode);
  const agency = ends.agencyUnitCode !== null && snapshot.findAdministrativeUnit(ends.agencyUnitCode) ? snapshot.lineageOf(ends.agencyUnitCode) : undefined;
  const originProvince = unitOfLevel(origin, 'province');
  const agencyProvince = agency ? unitOfLevel(agency, 'province') : undefined;

  if (!agency || !originProvince || !agencyProvince || originProvince.code !== agencyProvince.code) {
    const bothCities = originProvince?.kind === 'centrally-run-city' && agencyProvince?.kind === 'centrally-run-city';
    return legOf(snapshot, 'between-provinces', bothCities ? 'special-or-class-1-city' : 'other');
  }
  if (snapshot.findPostalLeg('within-district')) {
    return legOf(snapshot, sameUnit(origin, agency, 'district') ? 'within-district' : 'between-districts', null);
  }
  return legOf(snapshot, sameUnit(origin, agency, 'commune') ? 'within-commune' : 'between-communes', null);
}

/** classifyPostalLeg from a postal point to an agency, both as the snapshot's day knows them. */
export function postalLegBetween(snapshot: CatalogSnapshot, postalCode: string, agencyId: string): PostalLeg {
  return classifyPostalLeg(snapshot, {
    originUnitCode: snapshot.getPostalPoint(postalCode).administrativeUnitCode,
    agencyUnitCode: snapshot.getAgency(agencyId).administrativeUnitCode,
  });
}

/** The leg's class as events carry it: `within-district` → `WITHIN_DISTRICT`; between provinces adds the destination class. */
export function legClassOf(leg: PostalLeg): string {
  const scope = leg.scope.toUpperCase().replace(/-/g, '_');
  if (leg.destinationClass === null) return scope;
  return `${scope}_${leg.destinationClass === 'other' ? 'OTHER' : 'CLASS_1_CITY'}`;
}

function legOf(snapshot: CatalogSnapshot, scope: PostalLegScope, destinationClass: DestinationClass | null): PostalLeg {
  const leg = snapshot.findPostalLeg(scope, destinationClass);
  if (!leg) throw new NoPostalLegError(snapshot.date, destinationClass ? `${scope}/${destinationClass}` : scope);
  return leg;
}

function unitOfLevel(lineage: readonly AdministrativeUnit[], level: AdministrativeUnit['level']): AdministrativeUnit | undefined {
  return lineage.find((unit) => unit.level === level);
}

/** Same unit of that level on both sides; false when either side has none (a province-level agency). */
function sameUnit(a: readonly AdministrativeUnit[], b: readonly AdministrativeUnit[], level: AdministrativeUnit['level']): boolean {
  const left = unitOfLevel(a, level);
  const right = unitOfLevel(b, level);
  return !!left && !!right && left.code === right.code;
}
