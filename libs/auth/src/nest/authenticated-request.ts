import type { Actor } from '../actor';

/** The request after the guard: `actor` is set on every non-public route. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}
