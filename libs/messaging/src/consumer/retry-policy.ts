/** Exponential backoff: the delay doubles (or grows by `multiplier`) from `initialDelayMs` up to `maxDelayMs`. */
export interface Backoff {
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
  /** 0..1: each delay is spread uniformly over ±jitter of its nominal value, so retries do not align. */
  jitter: number;
}

/** Bounded exponential backoff for a failing handler (architecture.md §2.5). */
export interface RetryPolicy extends Backoff {
  /** Attempts in total, the first included; after the last failure the message is dead-lettered. */
  maxAttempts: number;
}

/**
 * Defaults keep the worst case (about 3 s of waiting over 5 attempts) well inside a consumer session
 * timeout, and the runtime heartbeats between attempts anyway.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 2000,
  multiplier: 2,
  jitter: 0.2,
};

/**
 * Backoff while a dependency is down (a transient failure): no attempt limit, the message waits as long
 * as the outage lasts. 200 ms first, so a blip costs little; 10 s at most, so recovery is noticed within
 * about 10 s without hammering a database that is starting up.
 */
export const DEFAULT_DEPENDENCY_BACKOFF: Backoff = {
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  multiplier: 2,
  jitter: 0.2,
};

/** Delay before the next attempt after `failedAttempts` failures (1 = the first attempt failed). */
export function backoffDelayMs(policy: Backoff, failedAttempts: number, random: () => number = Math.random): number {
  const nominal = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** Math.max(0, failedAttempts - 1));
  const spread = 1 - policy.jitter + 2 * policy.jitter * random();
  return Math.round(Math.min(policy.maxDelayMs, nominal * spread));
}
