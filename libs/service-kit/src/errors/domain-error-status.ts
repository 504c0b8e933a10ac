import type { DomainErrorKind } from '@bcci/kernel';

/** HTTP status of each domain error kind (architecture.md §3). */
export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  'rule-violation': 422,
};
