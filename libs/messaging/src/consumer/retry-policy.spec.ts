import {
  backoffDelayMs,
  decideAfterFailure,
  DEFAULT_DEPENDENCY_BACKOFF,
  EventValidationError,
  NonRetriableError,
  type Backoff,
  type FailureHistory,
  type RetryPolicy,
} from '@bcci/messaging';

const policy: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 500, multiplier: 2, jitter: 0 };
const dependency: Backoff = { ...DEFAULT_DEPENDENCY_BACKOFF, jitter: 0 };
const policies = { retry: policy, dependency };
const after = (failedAttempts: number, dependencyWaits = 0): FailureHistory => ({ failedAttempts, dependencyWaits });
const notAcceptingConnections = () =>
  Object.assign(new Error('the database system is not yet accepting connections'), { code: '57P03' });

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

  it('waits on a dependency from 200 ms doubling to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelayMs(dependency, n))).toEqual([200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
  });
});

describe('decision after a failed attempt', () => {
  it('retries with backoff until the last attempt, then dead-letters with the last error as reason', () => {
    const error = new Error('deadlock detected');
    expect(decideAfterFailure(error, after(0), policies)).toEqual({ action: 'retry', delayMs: 100 });
    expect(decideAfterFailure(error, after(2), policies)).toEqual({ action: 'retry', delayMs: 400 });
    expect(decideAfterFailure(error, after(3), policies)).toEqual({
      action: 'dead-letter',
      reason: 'failed 4 attempt(s); last error: Error: deadlock detected',
    });
  });

  it('dead-letters at once what retrying cannot fix', () => {
    expect(decideAfterFailure(new NonRetriableError('unknown procedure'), after(0), policies)).toEqual({
      action: 'dead-letter',
      reason: 'NonRetriableError: unknown procedure',
    });
    expect(decideAfterFailure(new EventValidationError('bad'), after(0), policies).action).toBe('dead-letter');
  });

  it('waits on an unavailable database with its own backoff, however many attempts that takes', () => {
    const error = notAcceptingConnections();
    expect(decideAfterFailure(error, after(0, 0), policies)).toEqual({
      action: 'wait-for-dependency',
      delayMs: 200,
      reason: 'Error: the database system is not yet accepting connections',
    });
    expect(decideAfterFailure(error, after(0, 5), policies)).toMatchObject({ action: 'wait-for-dependency', delayMs: 6400 });
    // Far beyond maxAttempts, and after deterministic failures used up all but one attempt: still waiting.
    expect(decideAfterFailure(error, after(3, 1000), policies)).toMatchObject({ action: 'wait-for-dependency', delayMs: 10_000 });
  });

  it('counts only deterministic failures towards the dead letter', () => {
    const error = new Error('a bug');
    // Many waits on the database before; this is the first deterministic failure: an ordinary retry.
    expect(decideAfterFailure(error, after(0, 40), policies)).toEqual({ action: 'retry', delayMs: 100 });
  });
});
