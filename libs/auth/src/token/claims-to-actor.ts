import { validateAgencyId, validatePostalCode } from '@bcci/kernel';
import type { Actor } from '../actor';
import { isRole, ROLE_SCOPE } from '../role';
import { InvalidTokenError } from './invalid-token.error';

const PROVINCE_CODE = /^[0-9A-Za-z]{1,10}$/;

function optionalString(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new InvalidTokenError(`claim "${name}" must be a string`);
  return value;
}

/**
 * Turns verified claims into an Actor. A role whose scope is missing or malformed makes the whole
 * token invalid: a clerk without a postal point must not fall back to "every postal point".
 */
export function claimsToActor(claims: Record<string, unknown>): Actor {
  const subject = optionalString(claims, 'sub');
  if (!subject) throw new InvalidTokenError('claim "sub" is missing');
  const role = claims['role'];
  if (!isRole(role)) throw new InvalidTokenError(`claim "role" is not a known role`);

  const displayName = optionalString(claims, 'name');
  const postalCode = optionalString(claims, 'postal_code');
  const agencyId = optionalString(claims, 'agency_id');
  const provinceCode = optionalString(claims, 'province_code');

  switch (ROLE_SCOPE[role]) {
    case 'postal-point':
      if (!postalCode) throw new InvalidTokenError(`role ${role} needs claim "postal_code"`);
      if (!validatePostalCode(postalCode).ok) throw new InvalidTokenError('claim "postal_code" is not a 5-digit postal code');
      break;
    case 'agency':
      if (!agencyId) throw new InvalidTokenError(`role ${role} needs claim "agency_id"`);
      if (!validateAgencyId(agencyId).ok) throw new InvalidTokenError('claim "agency_id" is not an agency id');
      break;
    case 'province':
      if (!provinceCode) throw new InvalidTokenError(`role ${role} needs claim "province_code"`);
      if (!PROVINCE_CODE.test(provinceCode)) throw new InvalidTokenError('claim "province_code" is malformed');
      break;
    case 'none':
      break;
  }

  return {
    subject,
    role,
    ...(displayName ? { displayName } : {}),
    ...(postalCode ? { postalCode } : {}),
    ...(agencyId ? { agencyId } : {}),
    ...(provinceCode ? { provinceCode } : {}),
  };
}
