import { describeError, NonRetriableError } from './consumer-errors';
import { classifyFailure } from './failure-classification';
import { backoffDelayMs, type Backoff, type RetryPolicy } from './retry-policy';

export type FailureDecision =
  /** Deterministic failure, attempts left: try again after the delay. */
  | { action: 'retry'; delayMs: number }
  /** Transient failure (a dependency is down): keep the message, try again after the delay, never give up. */
  | { action: 'wait-for-dependency'; delayMs: number; reason: string }
  | { action: 'dead-letter'; reason: string };

/** What already happened to one message: failures before the one being decided on, by kind. */
export interface FailureHistory {
  /** Deterministic failures so far; only these count towards the policy's maxAttempts. */
  failedAttempts: number;
  /** Transient failures so far (attempts made while a dependency was down). */
  dependencyWaits: number;
}

export interface FailurePolicies {
  retry: RetryPolicy;
  dependency: Backoff;
}

/**
 * What to do after an attempt threw `error`, given the message's earlier failures. The caller adds the
 * failure to the history by the decision: 'wait-for-dependency' to dependencyWaits, others to failedAttempts.
 */
export function decideAfterFailure(error: unknown, history: FailureHistory, policies: FailurePolicies, random?: () => number): FailureDecision {
  const failure = classifyFailure(error);
  if (failure.kind === 'transient') {
    return { action: 'wait-for-dependency', delayMs: backoffDelayMs(policies.dependency, history.dependencyWaits + 1, random), reason: failure.reason };
  }
  const description = describeError(error);
  if (error instanceof NonRetriableError) return { action: 'dead-letter', reason: description };
  const failedAttempts = history.failedAttempts + 1;
  if (failedAttempts >= policies.retry.maxAttempts) {
    return { action: 'dead-letter', reason: `failed ${failedAttempts} attempt(s); last error: ${description}` };
  }
  return { action: 'retry', delayMs: backoffDelayMs(policies.retry, failedAttempts, random) };
}
