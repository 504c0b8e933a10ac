/**
 * One validation failure, readable by two audiences: `message` (English) for developers and logs,
 * `messageVi` (Vietnamese) for the clerk at the counter. `code` is stable and meant for programs.
 * Messages never echo personal data back (a citizen id is masked before it reaches a message).
 */
export interface ValidationIssue {
  readonly code: string;
  readonly message: string;
  readonly messageVi: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issue: ValidationIssue };

export function valid<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

export function invalid<T = never>(code: string, message: string, messageVi: string): ValidationResult<T> {
  return { ok: false, issue: { code, message, messageVi } };
}

/** Thrown by the `parse*` / `get*` functions; the `validate*` twins return the same issue instead. */
export class DomainValidationError extends Error {
  readonly code: string;
  readonly messageVi: string;

  constructor(issue: ValidationIssue) {
    super(issue.message);
    this.name = 'DomainValidationError';
    this.code = issue.code;
    this.messageVi = issue.messageVi;
  }
}

/** Unwraps a result, throwing the issue as a {@link DomainValidationError}. */
export function orThrow<T>(result: ValidationResult<T>): T {
  if (!result.ok) throw new DomainValidationError(result.issue);
  return result.value;
}
