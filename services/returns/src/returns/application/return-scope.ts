import { canAccessPostalPoint, ROLE_SCOPE, type Actor } from '@bcci/auth';
import { ForbiddenError } from '@bcci/kernel';
import { returnNotFound } from '../domain/returns.errors';
import type { ReturnState } from '../domain/return';

/**
 * Couriers and clerks act on the returns of their own postal point: the one that delivers the
 * result (home) or holds it (counter). Operations read their province, auditors everything.
 */
export function assertMayActOn(actor: Actor, ret: ReturnState): void {
  if (ret.destinationPostalCode && actor.postalCode === ret.destinationPostalCode && ROLE_SCOPE[actor.role] === 'postal-point') return;
  throw outOfScope(actor, ret.dossierId);
}

export function assertMayRead(actor: Actor, ret: ReturnState): void {
  // Until the registration says where the result goes, the return belongs to no postal point yet.
  if (!ret.destinationPostalCode && ROLE_SCOPE[actor.role] !== 'none') throw returnNotFound(ret.dossierId);
  const context = ret.destinationProvinceCode ? { provinceCode: ret.destinationProvinceCode } : undefined;
  if (ret.destinationPostalCode && canAccessPostalPoint(actor, ret.destinationPostalCode, context)) return;
  if (ROLE_SCOPE[actor.role] === 'none') return;
  throw outOfScope(actor, ret.dossierId);
}

export function outOfScope(actor: Actor, what: string): ForbiddenError {
  return new ForbiddenError({
    code: 'scope.return',
    message: `Actor ${actor.subject} (${actor.role}) may not act on or read ${what} outside its scope`,
    messageVi: 'Bạn không có quyền thao tác với hồ sơ ngoài phạm vi bưu cục được giao.',
  });
}
