import type { Role } from './role';

/** Who is calling, as proven by the access token. Scope fields are present according to ROLE_SCOPE. */
export interface Actor {
  /** Stable id of the person or system (the token's `sub`). */
  readonly subject: string;
  readonly role: Role;
  readonly displayName?: string;
  /** Postal point (5-digit postal code) for clerk, digitization-operator and courier. */
  readonly postalCode?: string;
  /** Electronic agency id for the agency role. */
  readonly agencyId?: string;
  /** Province code for the operations role. */
  readonly provinceCode?: string;
}
