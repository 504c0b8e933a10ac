import { issueDevToken, ROLES, type DevTokenRequest, type Role } from '@bcci/auth';
import type { Catalog } from '@bcci/catalog';

/** The postal point the printed tokens act for (the sample's level-1 post office of Yên Bái). */
export const DEFAULT_DEV_POSTAL_CODE = '33100';

export interface DevTokenGrant {
  role: Role;
  request: DevTokenRequest;
  token: string;
  /** The `npm run token` command that issues the same kind of token. */
  command: string;
}

/**
 * One ready-made development token per role, scoped with the catalog's own data so that it works
 * against the services: the postal point 33100 (or the first in force), its province, and the agency
 * competent today for the first procedure offered through BCCI.
 */
export function devTokensForEveryRole(catalog: Catalog, secret: string, now = new Date()): DevTokenGrant[] {
  const day = catalog.at(now);
  const postalPoint = day.findPostalPoint(DEFAULT_DEV_POSTAL_CODE) ?? day.postalPoints()[0];
  if (!postalPoint) throw new Error('the catalog has no postal point in force today; cannot scope development tokens');
  const province = day.lineageOf(postalPoint.administrativeUnitCode).find((unit) => unit.level === 'province');
  const procedure = day.bcciProcedures()[0];
  const agency = procedure ? day.findCompetentAgency(procedure.code) : undefined;

  return ROLES.flatMap((role): DevTokenGrant[] => {
    const scope = scopeFor(role, postalPoint.postalCode, agency?.id, province?.code);
    if (!scope) return [];
    const request: DevTokenRequest = { role, ...scope.claims };
    return [{ role, request, token: issueDevToken(request, secret), command: `npm run -s token -- --role ${role}${scope.flags}` }];
  });
}

function scopeFor(
  role: Role,
  postalCode: string,
  agencyId: string | undefined,
  provinceCode: string | undefined,
): { claims: Partial<DevTokenRequest>; flags: string } | undefined {
  switch (role) {
    case 'clerk':
    case 'digitization-operator':
    case 'courier':
      return { claims: { postalCode }, flags: ` --postal-code ${postalCode}` };
    case 'agency':
      return agencyId ? { claims: { agencyId }, flags: ` --agency-id ${agencyId}` } : undefined;
    case 'operations':
      return provinceCode ? { claims: { provinceCode }, flags: ` --province-code ${provinceCode}` } : undefined;
    default:
      return { claims: {}, flags: '' };
  }
}
