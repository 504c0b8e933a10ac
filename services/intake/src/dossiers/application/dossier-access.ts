import { canAccessPostalPoint } from '@bcci/auth';
import type { CatalogSnapshot } from '@bcci/catalog';
import { ForbiddenError, NotFoundError } from '@bcci/kernel';
import type { IntakeActor } from './intake-actor';

export const CLERK_ROLE = 'clerk';
export const AUDITOR_ROLE = 'auditor';
export const OPERATIONS_ROLE = 'operations';
export const AGENCY_ROLE = 'agency';

/** The province a postal point stands in that day, so operations users reach their province's points. */
function provinceOf(snapshot: CatalogSnapshot, postalCode: string): string | undefined {
  const point = snapshot.findPostalPoint(postalCode);
  if (!point) return undefined;
  try {
    return snapshot.lineageOf(point.administrativeUnitCode).find((unit) => unit.level === 'province')?.code;
  } catch {
    return undefined;
  }
}

/** A clerk sees their own postal point; auditors every point; operations the points of their province. */
export function canSeePostalPoint(actor: IntakeActor, postalCode: string, snapshot: CatalogSnapshot): boolean {
  const provinceCode = actor.role === OPERATIONS_ROLE ? provinceOf(snapshot, postalCode) : undefined;
  return canAccessPostalPoint(actor, postalCode, provinceCode ? { provinceCode } : undefined);
}

export function assertCanSee(actor: IntakeActor, postalCode: string, snapshot: CatalogSnapshot): void {
  if (!canSeePostalPoint(actor, postalCode, snapshot)) throw anotherPostalPoint();
}

/** The clerk's own postal point; other roles cannot act at a counter. */
export function clerkPostalCode(actor: IntakeActor): string {
  if (actor.role !== CLERK_ROLE || !actor.postalCode) {
    throw new ForbiddenError({
      code: 'actor.not-a-clerk',
      message: 'Only a clerk of a postal point can do this',
      messageVi: 'Chỉ nhân viên bưu chính của một điểm phục vụ mới thực hiện được thao tác này.',
    });
  }
  return actor.postalCode;
}

export function anotherPostalPoint(): ForbiddenError {
  return new ForbiddenError({
    code: 'dossier.other-postal-point',
    message: 'This dossier belongs to another postal point',
    messageVi: 'Hồ sơ này thuộc điểm phục vụ bưu chính khác, bạn không có quyền xem hoặc thao tác.',
  });
}

export function dossierNotFound(id: string): NotFoundError {
  return new NotFoundError({
    code: 'dossier.not-found',
    message: `No dossier ${id}`,
    messageVi: 'Không tìm thấy hồ sơ.',
  });
}
