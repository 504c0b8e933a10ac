import { backoffDelayMs, type RetryPolicy } from './retry-policy';

/**
 * Thrown (or extended) by a handler when retrying cannot help, e.g. the event refers to something
 * that can never exist. The message goes to the dead-letter topic at once.
 */
export class NonRetriableError extends Error {
  override name = 'NonRetriableError';
}

/** The event is not what its schema promises; raised by the consumer before calling the handler. */
export class EventValidationError extends NonRetriableError {
  override name = 'EventValidationError';
}

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter'; reason: string };

/** What to do after attempt number `failedAttempts` (1-based) threw `error`. */
export function decideAfterFailure(
  error: unknown,
  failedAttempts: number,
  policy: RetryPolicy,
  random?: () => number,
): FailureDecision {
  const description = describeError(error);
  if (error instanceof NonRetriableError) return { action: 'dead-letter', reason: description };
  if (failedAttempts >= policy.maxAttempts) {
    return { action: 'dead-letter', reason: `failed ${failedAttempts} attempt(s); last error: ${description}` };
  }
  return { action: 'retry', delayMs: backoffDelayMs(policy, failedAttempts, random) };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1000);
  return String(error).slice(0, 1000);
}
