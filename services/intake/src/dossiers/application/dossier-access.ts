import type { CatalogSnapshot } from '@bcci/catalog';
import { ForbiddenError, NotFoundError } from '@bcci/kernel';
import type { IntakeActor } from './intake-actor';

export const CLERK_ROLE = 'clerk';
export const AUDITOR_ROLE = 'auditor';
export const OPERATIONS_ROLE = 'operations';

/**
 * A clerk sees the dossiers of their own postal point; auditors and operations see those of the postal
 * points within their scope (a postal code, a province code, or everything when unscoped).
 */
export function canSeePostalPoint(actor: IntakeActor, postalCode: string, snapshot: CatalogSnapshot): boolean {
  if (actor.role === CLERK_ROLE) return actor.scope === postalCode;
  if (actor.role !== AUDITOR_ROLE && actor.role !== OPERATIONS_ROLE) return false;
  if (actor.scope === null || actor.scope === postalCode) return true;
  const point = snapshot.findPostalPoint(postalCode);
  if (!point) return false;
  try {
    return snapshot.lineageOf(point.administrativeUnitCode).some((unit) => unit.code === actor.scope);
  } catch {
    return false;
  }
}

export function assertCanSee(actor: IntakeActor, postalCode: string, snapshot: CatalogSnapshot): void {
  if (!canSeePostalPoint(actor, postalCode, snapshot)) throw anotherPostalPoint();
}

/** The clerk's own postal point; other roles cannot act at a counter. */
export function clerkPostalCode(actor: IntakeActor): string {
  if (actor.role !== CLERK_ROLE || actor.scope === null || !/^\d{5}$/.test(actor.scope)) {
    throw new ForbiddenError({
      code: 'actor.not-a-clerk',
      message: 'Only a clerk scoped to a postal point can do this',
      messageVi: 'Chỉ nhân viên bưu chính của một điểm phục vụ mới thực hiện được thao tác này.',
    });
  }
  return actor.scope;
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
