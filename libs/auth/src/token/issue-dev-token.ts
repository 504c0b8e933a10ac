import jwt from 'jsonwebtoken';
import type { Role } from '../role';
import { claimsToActor } from './claims-to-actor';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type AccessTokenClaims } from './token-claims';

/**
 * The development issuer's secret when AUTH_JWT_SECRET is not set: the embedded stack only.
 * Production verifies RS256 tokens of a real identity provider (AUTH_JWT_PUBLIC_KEY).
 */
export const DEV_JWT_SECRET = 'bcci-channel-development-secret-not-for-production';

export interface DevTokenRequest {
  role: Role;
  subject?: string;
  displayName?: string;
  postalCode?: string;
  agencyId?: string;
  provinceCode?: string;
  /** Lifetime; default 8 hours (a counter shift). */
  ttlSeconds?: number;
}

/**
 * Signs an HS256 access token as the development issuer. Refuses to sign a token that a service
 * would reject (e.g. a clerk without a postal code), so mistakes show up here and not as a 401.
 */
export function issueDevToken(request: DevTokenRequest, secret: string = DEV_JWT_SECRET): string {
  const claims: AccessTokenClaims = {
    sub: request.subject ?? `dev-${request.role}`,
    role: request.role,
    ...(request.displayName ? { name: request.displayName } : {}),
    ...(request.postalCode ? { postal_code: request.postalCode } : {}),
    ...(request.agencyId ? { agency_id: request.agencyId } : {}),
    ...(request.provinceCode ? { province_code: request.provinceCode } : {}),
  };
  claimsToActor({ ...claims });
  return jwt.sign(claims, secret, {
    algorithm: 'HS256',
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    expiresIn: request.ttlSeconds ?? 8 * 3600,
  });
}
