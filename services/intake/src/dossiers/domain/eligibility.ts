import type { Agency, CatalogSnapshot, PostalPoint, Procedure } from '@bcci/catalog';
import { InvalidInputError, RuleViolationError } from '@bcci/kernel';
import type { ServiceForm } from './service-form';

export interface EligibleProcedure {
  readonly procedure: Procedure;
  readonly agency: Agency;
}

/**
 * A procedure can be taken in at a postal point on a day when the catalog offers it through BCCI that day
 * (at least one service form, QĐ 45 Đ1.2) and names a competent agency in force that day. Competence is
 * effective-dated: driving licences go to the police from 01/03/2025, whatever the procedure code says.
 */
export function eligibleProcedures(snapshot: CatalogSnapshot): EligibleProcedure[] {
  return snapshot.bcciProcedures().flatMap((procedure) => {
    const agency = snapshot.findCompetentAgency(procedure.code);
    return agency ? [{ procedure, agency }] : [];
  });
}

/** The postal point must exist and be open on the day (a point closed in 2024 takes nothing in). */
export function openPostalPoint(snapshot: CatalogSnapshot, postalCode: string): PostalPoint {
  const point = snapshot.findPostalPoint(postalCode);
  if (!point) {
    throw new RuleViolationError({
      code: 'postal-point.not-open',
      message: `Postal point ${postalCode} is not in the catalog on ${snapshot.date}`,
      messageVi: `Điểm phục vụ bưu chính ${postalCode} không có trong danh mục hoặc đã ngừng hoạt động.`,
    });
  }
  return point;
}

/** Unknown code → 400 (a typo); known but not offered by post or not with this form → 422 (a rule). */
export function requireEligibleProcedure(snapshot: CatalogSnapshot, code: string, form: ServiceForm): EligibleProcedure {
  const procedure = snapshot.findProcedure(code);
  if (!procedure) {
    throw new InvalidInputError({
      code: 'procedure.unknown',
      message: `Unknown procedure code ${code} on ${snapshot.date}`,
      messageVi: `Không tìm thấy thủ tục hành chính mã "${code}" trong danh mục đang áp dụng.`,
    });
  }
  const eligible = eligibleProcedures(snapshot).find((entry) => entry.procedure.code === procedure.code);
  if (!eligible) {
    throw new RuleViolationError({
      code: 'procedure.not-bcci',
      message: `Procedure ${code} is not offered through the public postal service on ${snapshot.date}`,
      messageVi: `Thủ tục "${procedure.name}" không được tiếp nhận qua dịch vụ bưu chính công ích.`,
    });
  }
  if (!procedure.bcciServiceForms.includes(form)) {
    throw new RuleViolationError({
      code: 'procedure.service-form-not-offered',
      message: `Procedure ${code} is offered by post only with service forms ${procedure.bcciServiceForms.join(', ')}, not ${form}`,
      messageVi: `Thủ tục "${procedure.name}" chỉ thực hiện qua bưu chính theo hình thức ${procedure.bcciServiceForms.join(', ')}; không nhận hình thức ${form}.`,
    });
  }
  return eligible;
}
