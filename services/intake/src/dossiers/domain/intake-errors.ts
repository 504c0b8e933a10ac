import { InvalidInputError } from '@bcci/kernel';

/** One refused field, listed back to the clerk with every other problem of the same request. */
export interface FieldIssue {
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly messageVi: string;
}

/**
 * Raises one 400 carrying every field issue: a clerk fixes the whole form at once instead of
 * discovering problems one submit at a time.
 */
export function throwIfIssues(issues: readonly FieldIssue[]): void {
  if (issues.length === 0) return;
  throw new InvalidInputError({
    code: issues.length === 1 ? issues[0].code : 'dossier.invalid-fields',
    message: issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    messageVi: issues.map((issue) => issue.messageVi).join(' '),
    details: issues.map(({ field, code, message, messageVi }) => ({ field, code, message, messageVi })),
  });
}
