import type { Catalog } from '@bcci/catalog';
import type { LocalDate } from '@bcci/kernel';
import type { ScopeKeys } from './scope';
import type { UnitLocation, UnitResolver } from './units';

/**
 * Effective-dated units from @bcci/catalog: the commune and province of a postal point on a given day.
 * After 01/07/2025 communes hang directly under the province (no district), before it under a district:
 * the lineage walk finds both.
 */
export class CatalogUnitResolver implements UnitResolver {
  private readonly cache = new Map<string, UnitLocation | undefined>();

  constructor(private readonly catalog: Catalog) {}

  locatePostalPoint(postalCode: string, day: LocalDate): UnitLocation | undefined {
    const key = `${postalCode}|${day}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const location = this.compute(postalCode, day);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, location);
    return location;
  }

  private compute(postalCode: string, day: LocalDate): UnitLocation | undefined {
    const snapshot = this.catalog.at(day);
    const point = snapshot.findPostalPoint(postalCode);
    if (!point) return undefined;
    return locateUnit(this.catalog, point.administrativeUnitCode, day);
  }
}

function locateUnit(catalog: Catalog, unitCode: string, day: LocalDate): UnitLocation | undefined {
  const snapshot = catalog.at(day);
  if (!snapshot.findAdministrativeUnit(unitCode)) return undefined;
  const lineage = snapshot.lineageOf(unitCode);
  const commune = lineage.find((unit) => unit.level === 'commune');
  const province = lineage.find((unit) => unit.level === 'province');
  return { communeCode: commune?.code ?? '', provinceCode: province?.code ?? '' };
}

/**
 * Re-keys counts stored with the units of their day onto today's units (`units=current`): the postal
 * point's current commune and province when the point still exists; else the commune, then the province,
 * if the code is still in force; agencies follow `successorId` (ids reissued after the 2025 merger).
 * What cannot be mapped keeps empty unit keys and only shows in `all` and non-territorial scopes.
 */
export function currentKeysOf(catalog: Catalog, keys: ScopeKeys, day: LocalDate, today: LocalDate): ScopeKeys {
  const now = catalog.at(today);
  let location: UnitLocation | undefined;
  const point = keys.postalCode ? now.findPostalPoint(keys.postalCode) : undefined;
  if (point) location = locateUnit(catalog, point.administrativeUnitCode, today);
  if (!location && keys.communeCode && now.findAdministrativeUnit(keys.communeCode)) location = locateUnit(catalog, keys.communeCode, today);
  if (!location && keys.provinceCode && now.findAdministrativeUnit(keys.provinceCode)) location = { communeCode: '', provinceCode: keys.provinceCode };
  const agency = keys.agencyId ? catalog.findSuccessorAgency(keys.agencyId, day, today) : undefined;
  return {
    provinceCode: location?.provinceCode ?? '',
    communeCode: location?.communeCode ?? '',
    postalCode: keys.postalCode,
    agencyId: agency?.id ?? keys.agencyId,
    procedureCode: keys.procedureCode,
  };
}
