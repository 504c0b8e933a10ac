export interface WebhookRetryPolicy {
  /** Delay after the first failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts the delivery is given up (FAILED); the feed still has the event. */
  maxAttempts: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 3_600_000, maxAttempts: 15 };

/** Exponential backoff: base × 2^(attempts − 1), capped. */
export function nextWebhookDelayMs(policy: WebhookRetryPolicy, failedAttempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
}
