/**
 * Errors a service's domain/ and application/ code throws to refuse a request. They carry no HTTP
 * status (domain/ must not know about Nest); the service kit maps `kind` to one:
 * invalid → 400, not-found → 404, conflict → 409, forbidden → 403, rule-violation → 422.
 *
 * `code` is stable and meant for programs, `message` is English for developers and logs, `messageVi`
 * is what a clerk reads. Never put personal data in either message.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'rule-violation';

export interface DomainErrorInit {
  readonly code: string;
  readonly message: string;
  readonly messageVi: string;
  readonly details?: unknown;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly code: string;
  readonly messageVi: string;
  declare readonly details?: unknown;

  // Public (the class is abstract anyway), so each kind below needs no constructor of its own.
  constructor(init: DomainErrorInit) {
    super(init.message);
    this.name = new.target.name;
    this.code = init.code;
    this.messageVi = init.messageVi;
    if (init.details !== undefined) this.details = init.details;
  }
}

/** The request itself is malformed or carries an impossible value (400). */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid' as const;
}

/** The thing named by the request does not exist, or is not visible to the caller (404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

/** The request conflicts with the current state, e.g. withdrawing a dispatched dossier (409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

/** The caller is authenticated but acts outside their role or scope (403). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** A business rule refuses a well-formed request, e.g. a supplement request after the limit (422). */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule-violation' as const;
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
