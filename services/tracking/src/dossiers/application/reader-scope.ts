import type { Actor } from '@bcci/auth';
import { ForbiddenError } from '@bcci/kernel';
import type { StoredDossierSummary, SummaryScope } from '../persistence/dossier-summary.repository';

/**
 * What a reader may see of the dossiers (architecture.md §3 roles): clerks their postal point's dossiers
 * (taken in or returned there), agencies their own, operations their province (intake there or an
 * agency of it), auditors everything. Undefined = no restriction.
 */
export function readerScopeOf(actor: Actor): SummaryScope | undefined {
  switch (actor.role) {
    case 'auditor':
      return undefined;
    case 'agency':
      return { agencyId: actor.agencyId ?? '' };
    case 'operations':
      return { provinceCode: actor.provinceCode ?? '' };
    default:
      return { postalCode: actor.postalCode ?? '' };
  }
}

export function mayRead(actor: Actor, summary: StoredDossierSummary): boolean {
  const scope = readerScopeOf(actor);
  if (!scope) return true;
  if (scope.postalCode !== undefined) return summary.intakePostalCode === scope.postalCode || summary.returnPostalCode === scope.postalCode;
  if (scope.agencyId !== undefined) return summary.agencyId === scope.agencyId;
  if (scope.provinceCode !== undefined) return summary.provinceCode === scope.provinceCode || summary.agencyProvinceCode === scope.provinceCode;
  return false;
}

export function assertMayRead(actor: Actor, summary: StoredDossierSummary): void {
  if (!mayRead(actor, summary)) {
    throw new ForbiddenError({
      code: 'scope.dossier',
      message: `Actor ${actor.subject} (${actor.role}) may not read dossier ${summary.dossierId}`,
      messageVi: 'Bạn không có quyền xem hồ sơ ngoài phạm vi được giao.',
    });
  }
}
