import { ForbiddenError } from '@bcci/kernel';
import type { Actor } from '../actor';
import { ROLE_SCOPE } from '../role';

/**
 * Scope checks for use cases (pure; they throw the kernel's ForbiddenError, which the service kit turns
 * into a 403). Roles are checked separately by @Roles; these answer "may this actor touch that thing?".
 *
 * - postal-point roles reach only their own postal point;
 * - agency reaches only its own agency;
 * - operations reaches things in its province, when the caller knows the thing's province;
 * - auditor reads across every scope (oversight, every read is audited by the service).
 */
export interface ScopeContext {
  /** Province of the postal point or agency concerned, when known: lets operations through. */
  readonly provinceCode?: string;
}

function outOfScope(code: string, message: string): ForbiddenError {
  return new ForbiddenError({
    code,
    message,
    messageVi: 'Bạn không có quyền thao tác trên hồ sơ hoặc dữ liệu ngoài phạm vi được giao.',
  });
}

function provinceAllows(actor: Actor, context: ScopeContext | undefined): boolean {
  return ROLE_SCOPE[actor.role] === 'province' && !!context?.provinceCode && actor.provinceCode === context.provinceCode;
}

export function canAccessPostalPoint(actor: Actor, postalCode: string, context?: ScopeContext): boolean {
  switch (ROLE_SCOPE[actor.role]) {
    case 'postal-point':
      return actor.postalCode === postalCode;
    case 'none':
      return true;
    case 'province':
      return provinceAllows(actor, context);
    case 'agency':
      return false;
  }
}

export function assertPostalPointScope(actor: Actor, postalCode: string, context?: ScopeContext): void {
  if (!canAccessPostalPoint(actor, postalCode, context)) {
    throw outOfScope('scope.postal-point', `Actor ${actor.subject} (${actor.role}) may not act for postal point ${postalCode}`);
  }
}

export function canAccessAgency(actor: Actor, agencyId: string, context?: ScopeContext): boolean {
  switch (ROLE_SCOPE[actor.role]) {
    case 'agency':
      return actor.agencyId === agencyId;
    case 'none':
      return true;
    case 'province':
      return provinceAllows(actor, context);
    case 'postal-point':
      return false;
  }
}

export function assertAgencyScope(actor: Actor, agencyId: string, context?: ScopeContext): void {
  if (!canAccessAgency(actor, agencyId, context)) {
    throw outOfScope('scope.agency', `Actor ${actor.subject} (${actor.role}) may not act for agency ${agencyId}`);
  }
}

export function assertProvinceScope(actor: Actor, provinceCode: string): void {
  const scope = ROLE_SCOPE[actor.role];
  if (scope === 'none') return;
  if (scope === 'province' && actor.provinceCode === provinceCode) return;
  throw outOfScope('scope.province', `Actor ${actor.subject} (${actor.role}) may not act for province ${provinceCode}`);
}
