import { canAccessAgency, canAccessPostalPoint, ROLE_SCOPE, type Actor } from '@bcci/auth';
import { ForbiddenError } from '@bcci/kernel';
import type { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

/** Who may read a leg: its origin postal point, its agency, operations of its province, auditors. */
export function assertMayReadLeg(actor: Actor, leg: PostalLegOrmEntity): void {
  const context = leg.originProvinceCode ? { provinceCode: leg.originProvinceCode } : undefined;
  if (canAccessPostalPoint(actor, leg.originPostalCode, context) || canAccessAgency(actor, leg.agencyId, context)) return;
  throw new ForbiddenError({
    code: 'scope.leg',
    message: `Actor ${actor.subject} (${actor.role}) may not read the leg of dossier ${leg.dossierId}`,
    messageVi: 'Bạn không có quyền xem hồ sơ ngoài phạm vi được giao.',
  });
}

/** The SQL filter of a list to the caller's scope: column and value, or none for auditors. */
export function scopeFilter(actor: Actor): { column: 'origin_postal_code' | 'agency_id' | 'origin_province_code'; value: string } | null {
  switch (ROLE_SCOPE[actor.role]) {
    case 'postal-point':
      return { column: 'origin_postal_code', value: actor.postalCode ?? '' };
    case 'agency':
      return { column: 'agency_id', value: actor.agencyId ?? '' };
    case 'province':
      return { column: 'origin_province_code', value: actor.provinceCode ?? '' };
    case 'none':
      return null;
  }
}
