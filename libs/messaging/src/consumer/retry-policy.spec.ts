import { backoffDelayMs, decideAfterFailure, NonRetriableError, EventValidationError, type RetryPolicy } from '@bcci/messaging';

const policy: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 500, multiplier: 2, jitter: 0 };

describe('backoff', () => {
  it('doubles from the initial delay and stops growing at the maximum', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelayMs(policy, n))).toEqual([100, 200, 400, 500, 500, 500]);
  });

  it('spreads delays over ±jitter, never above the maximum', () => {
    const jittery = { ...policy, jitter: 0.5 };
    expect(backoffDelayMs(jittery, 2, () => 0)).toBe(100);
    expect(backoffDelayMs(jittery, 2, () => 0.999999)).toBe(300);
    expect(backoffDelayMs(jittery, 4, () => 0.999999)).toBe(500);
  });
});

describe('decision after a failed attempt', () => {
  it('retries with backoff until the last attempt, then dead-letters with the last error as reason', () => {
    const error = new Error('deadlock detected');
    expect(decideAfterFailure(error, 1, policy)).toEqual({ action: 'retry', delayMs: 100 });
    expect(decideAfterFailure(error, 3, policy)).toEqual({ action: 'retry', delayMs: 400 });
    expect(decideAfterFailure(error, 4, policy)).toEqual({
      action: 'dead-letter',
      reason: 'failed 4 attempt(s); last error: Error: deadlock detected',
    });
  });

  it('dead-letters at once what retrying cannot fix', () => {
    expect(decideAfterFailure(new NonRetriableError('unknown procedure'), 1, policy)).toEqual({
      action: 'dead-letter',
      reason: 'NonRetriableError: unknown procedure',
    });
    expect(decideAfterFailure(new EventValidationError('bad'), 1, policy).action).toBe('dead-letter');
  });
});
