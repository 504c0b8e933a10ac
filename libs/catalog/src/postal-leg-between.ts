import type { CatalogSnapshot } from './catalog';
import type { DestinationClass, PostalLeg, PostalLegScope } from './model/postal-leg';

/**
 * Which TT 17/2017 Đ7.2 leg a journey from a postal point to an agency (or back) is, on the snapshot's
 * day: within the lowest local unit (district before 01/07/2025, commune after), between those units of
 * one province, or between provinces. The day matters: the same two places were "between districts"
 * in 2024 and are "between communes" in 2026.
 */
export function postalLegBetween(
  snapshot: CatalogSnapshot,
  postalCode: string,
  agencyId: string,
  destinationClass: DestinationClass = 'other',
): PostalLeg {
  const origin = snapshot.getPostalPoint(postalCode).administrativeUnitCode;
  const agency = snapshot.getAgency(agencyId);
  const destination = agency.administrativeUnitCode;
  if (destination === null) {
    // A central agency has no local unit: the leg is always between provinces.
    return getLeg(snapshot, 'between-provinces', destinationClass);
  }
  const originProvince = snapshot.enclosingUnit(origin, 'province')?.code;
  const destinationProvince = snapshot.enclosingUnit(destination, 'province')?.code;
  if (originProvince !== destinationProvince) return getLeg(snapshot, 'between-provinces', destinationClass);

  const hasDistricts = snapshot.enclosingUnit(origin, 'district') !== undefined;
  const level = hasDistricts ? 'district' : 'commune';
  const originLocal = snapshot.enclosingUnit(origin, level)?.code;
  // An agency seated at province level is reached "between units" unless it sits in the same local unit.
  const destinationLocal = snapshot.enclosingUnit(destination, level)?.code;
  const same = originLocal !== undefined && originLocal === destinationLocal;
  const scope: PostalLegScope = hasDistricts ? (same ? 'within-district' : 'between-districts') : same ? 'within-commune' : 'between-communes';
  return getLeg(snapshot, scope, null);
}

function getLeg(snapshot: CatalogSnapshot, scope: PostalLegScope, destinationClass: DestinationClass | null): PostalLeg {
  const leg = snapshot.findPostalLeg(scope, scope === 'between-provinces' ? destinationClass : null);
  if (!leg) throw new Error(`No postal leg "${scope}" is in force on ${snapshot.date}`);
  return leg;
}
