import type { Agency, CatalogSnapshot, PostalLeg, PostalPoint } from '@bcci/catalog';
import { RuleViolationError } from '@bcci/kernel';

/**
 * The TT 17/2017 Đ7.2 leg from the intake postal point to the competent agency, as the catalog in force
 * on J describes it. Assumptions (the catalog has no finer data):
 * - an agency whose territory is a whole province (a department, the provincial police) sits somewhere
 *   in that province, so the leg is "between districts/communes" of it unless its territory is the
 *   intake point's own commune;
 * - an agency with no territory (a ministry, the demo agency) or in another province is reached on the
 *   inter-province leg for "other places", the longer one: nothing tells a class-I city apart.
 */
export function selectPostalLeg(snapshot: CatalogSnapshot, postalPoint: PostalPoint, agency: Agency): PostalLeg {
  const pointLineage = snapshot.lineageOf(postalPoint.administrativeUnitCode);
  const pointProvince = pointLineage.find((unit) => unit.level === 'province');
  const agencyUnit = agency.administrativeUnitCode === null ? undefined : snapshot.findAdministrativeUnit(agency.administrativeUnitCode);
  const agencyLineage = agencyUnit ? snapshot.lineageOf(agencyUnit.code) : [];
  const sameProvince = pointProvince !== undefined && agencyLineage.some((unit) => unit.code === pointProvince.code);
  // Before 01/07/2025 the catalog carries district legs; after, commune legs (domain.md §3).
  const districtEra = snapshot.findPostalLeg('within-district') !== undefined;

  let leg: PostalLeg | undefined;
  if (!sameProvince) {
    leg = snapshot.findPostalLeg('between-provinces', 'other');
  } else if (districtEra) {
    const pointDistrict = pointLineage.find((unit) => unit.level === 'district');
    const sameDistrict = pointDistrict !== undefined && agencyLineage.some((unit) => unit.code === pointDistrict.code);
    leg = snapshot.findPostalLeg(sameDistrict ? 'within-district' : 'between-districts');
  } else {
    const sameCommune = agencyUnit?.code === postalPoint.administrativeUnitCode;
    leg = snapshot.findPostalLeg(sameCommune ? 'within-commune' : 'between-communes');
  }
  if (!leg) {
    throw new RuleViolationError({
      code: 'catalog.postal-leg-missing',
      message: `The catalog has no postal leg from ${postalPoint.postalCode} to ${agency.id} on ${snapshot.date}`,
      messageVi: 'Danh mục chưa có thời hạn chuyển phát (J+n) cho chặng này: báo quản trị hệ thống cập nhật danh mục.',
    });
  }
  return leg;
}

/** The leg's class as events carry it (`BETWEEN_COMMUNES`, `BETWEEN_PROVINCES_OTHER`…): data, not code. */
export function legClassOf(leg: PostalLeg): string {
  const base = leg.scope.toUpperCase().replace(/-/g, '_');
  if (leg.destinationClass === null) return base;
  return `${base}_${leg.destinationClass === 'other' ? 'OTHER' : 'CLASS_1_CITY'}`;
}
