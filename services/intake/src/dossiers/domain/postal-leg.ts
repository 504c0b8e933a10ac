import { classifyPostalLeg, NoPostalLegError, type Agency, type CatalogSnapshot, type PostalLeg, type PostalPoint } from '@bcci/catalog';
import { RuleViolationError } from '@bcci/kernel';

export { legClassOf } from '@bcci/catalog';

/**
 * The TT 17/2017 Đ7.2 leg from the intake postal point to the competent agency on J, by the catalog's
 * one rule (`classifyPostalLeg`, shared with forwarding and returns, so the J+n printed on the slip is
 * the J+n forwarding holds the leg to). A catalog without that leg is refused with a clerk's message.
 */
export function selectPostalLeg(snapshot: CatalogSnapshot, postalPoint: PostalPoint, agency: Agency): PostalLeg {
  try {
    return classifyPostalLeg(snapshot, { originUnitCode: postalPoint.administrativeUnitCode, agencyUnitCode: agency.administrativeUnitCode });
  } catch (error) {
    if (!(error instanceof NoPostalLegError)) throw error;
    throw new RuleViolationError({
      code: 'catalog.postal-leg-missing',
      message: `The catalog has no postal leg from ${postalPoint.postalCode} to ${agency.id} on ${snapshot.date}`,
      messageVi: 'Danh mục chưa có thời hạn chuyển phát (J+n) cho chặng này: báo quản trị hệ thống cập nhật danh mục.',
    });
  }
}
