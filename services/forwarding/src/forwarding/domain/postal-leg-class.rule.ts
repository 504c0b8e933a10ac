import type { AdministrativeUnit, CatalogSnapshot, PostalLeg } from '@bcci/catalog';
import type { PostalLegKind } from '@bcci/kernel';

/** The catalog leg chosen for a journey and the kernel's neutral name for its kind. */
export interface ChosenPostalLeg {
  readonly leg: PostalLeg;
  readonly kind: PostalLegKind;
  /** The leg class written on events (`PostalDeadline.legClass`), derived from the catalog's data. */
  readonly legClass: string;
}

/** Where a journey starts and ends, as administrative units (commune, district, province). */
export interface LegEnds {
  /** Commune of the intake postal point. */
  readonly originUnitCode: string;
  /** Unit the agency serves (a province for a department, a commune for a commune's people's committee); null when it has none. */
  readonly agencyUnitCode: string | null;
}

export class NoPostalLegError extends Error {
  constructor(readonly date: string, readonly wanted: string) {
    super(`No postal leg "${wanted}" in force on ${date} in the catalog`);
    this.name = 'NoPostalLegError';
  }
}

/**
 * TT 17/2017 Đ7.2 prices a journey by the units it crosses: within one local unit J+1, between local
 * units of a province J+2, between provinces J+3 (special or class-I cities) or J+4. Which unit is
 * "local" is the catalog's business (districts until 2025-06-30, communes after), so the decision is
 * made on the units in force on J and on the legs in force on J.
 *
 * Comparison is on the agency's own unit:
 * - an agency serving a province (a department) cannot be placed in one district or commune from the
 *   catalog, so a journey to it is never "within a local unit": it is the between-units leg of the
 *   province (J+2). A catalog giving the agency a commune would let J+1 apply;
 * - an agency with no unit (a ministry, the demo agency) is reached between provinces, "other places".
 * - between provinces, the class-I leg needs both ends to be centrally-run cities; the catalog has no
 *   urban class for other cities, so they take the longer "other" leg (assumption, data-driven).
 */
export function choosePostalLeg(snapshot: CatalogSnapshot, ends: LegEnds): ChosenPostalLeg {
  const origin = snapshot.lineageOf(ends.originUnitCode);
  const agency = ends.agencyUnitCode === null ? undefined : lineageOrUndefined(snapshot, ends.agencyUnitCode);
  const originProvince = unitOfLevel(origin, 'province');
  const agencyProvince = agency ? unitOfLevel(agency, 'province') : undefined;

  if (!agency || !originProvince || !agencyProvince || originProvince.code !== agencyProvince.code) {
    const bothCities = originProvince?.kind === 'centrally-run-city' && agencyProvince?.kind === 'centrally-run-city';
    const destinationClass = bothCities ? 'special-or-class-1-city' : 'other';
    return pick(snapshot, 'between-provinces', destinationClass, bothCities ? 'between-major-cities' : 'between-provinces');
  }

  // Same province: the local unit is the district while districts exist, the commune afterwards.
  const withinDistrict = snapshot.findPostalLeg('within-district');
  if (withinDistrict) {
    const same = sameUnit(origin, agency, 'district');
    return same ? pick(snapshot, 'within-district', null, 'within-local-unit') : pick(snapshot, 'between-districts', null, 'within-province');
  }
  const same = sameUnit(origin, agency, 'commune');
  return same ? pick(snapshot, 'within-commune', null, 'within-local-unit') : pick(snapshot, 'between-communes', null, 'within-province');
}

function pick(
  snapshot: CatalogSnapshot,
  scope: PostalLeg['scope'],
  destinationClass: PostalLeg['destinationClass'],
  kind: PostalLegKind,
): ChosenPostalLeg {
  const leg = snapshot.findPostalLeg(scope, destinationClass);
  if (!leg) throw new NoPostalLegError(snapshot.date, destinationClass ? `${scope}/${destinationClass}` : scope);
  return { leg, kind, legClass: legClassOf(leg) };
}

/** `within-district` → `WITHIN_DISTRICT`; between provinces adds the destination class. */
export function legClassOf(leg: PostalLeg): string {
  const scope = leg.scope.toUpperCase().replace(/-/g, '_');
  if (leg.destinationClass === null) return scope;
  return `${scope}_${leg.destinationClass === 'other' ? 'OTHER' : 'CLASS_1_CITY'}`;
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

function lineageOrUndefined(snapshot: CatalogSnapshot, code: string): AdministrativeUnit[] | undefined {
  return snapshot.findAdministrativeUnit(code) ? snapshot.lineageOf(code) : undefined;
}
