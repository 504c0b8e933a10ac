/** Issuer and audience of every BCCI Channel access token (development issuer and production IdP alike). */
export const TOKEN_ISSUER = 'bcci-channel';
export const TOKEN_AUDIENCE = 'bcci-channel';
/** Seconds of clock skew tolerated between the issuer and a service. */
export const TOKEN_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * The JWT claims we read. Registered claims (`sub`, `iss`, `aud`, `exp`) plus our own in snake case,
 * as identity providers usually emit them.
 */
export interface AccessTokenClaims {
  sub: string;
  role: string;
  name?: string;
  postal_code?: string;
  agency_id?: string;
  province_code?: string;
}
