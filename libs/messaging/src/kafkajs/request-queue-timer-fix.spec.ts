import {
  PENDING_REQUESTS_CHECK_INTERVAL_MS,
  requestQueueTimerFix,
  scheduleCheckOnlyWhilePending,
  type RequestQueueInternals,
} from './request-queue-timer-fix';

/** A request queue as kafkajs keeps it, with the replaced scheduling and a counted check. */
function queue(state: { pending?: unknown[]; throttledUntil?: number } = {}): RequestQueueInternals & { checks: number } {
  const q = {
    pending: state.pending ?? [],
    throttledUntil: state.throttledUntil ?? -1,
    throttleCheckTimeoutId: null,
    checks: 0,
    checkPendingRequests() {
      q.checks += 1;
      // As kafkajs does at the end of every check.
      q.scheduleCheckPendingRequests();
    },
    scheduleCheckPendingRequests: scheduleCheckOnlyWhilePending,
  };
  return q;
}

describe('kafkajs request queue scheduling (idle connections stay asleep)', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-07T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('arms no timer when nothing waits, so an idle connection never wakes its process', () => {
    const idle = queue();
    idle.checkPendingRequests();
    jest.advanceTimersByTime(10_000);
    // kafkajs 2.2.4 as published would have checked about ten thousand times by now.
    expect(idle.checks).toBe(1);
    expect(idle.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('checks requests waiting for an in-flight slot again after the short interval, until none waits', () => {
    const busy = queue({ pending: ['fetch'] });
    busy.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(PENDING_REQUESTS_CHECK_INTERVAL_MS - 1);
    expect(busy.checks).toBe(0);
    jest.advanceTimersByTime(1);
    expect(busy.checks).toBe(1);
    busy.pending.length = 0;
    jest.advanceTimersByTime(PENDING_REQUESTS_CHECK_INTERVAL_MS);
    expect(busy.checks).toBe(2);
    jest.advanceTimersByTime(10_000);
    expect(busy.checks).toBe(2);
  });

  it('waits out a throttle the broker imposed before checking the waiting requests', () => {
    const throttled = queue({ pending: ['produce'], throttledUntil: Date.now() + 250 });
    throttled.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(249);
    expect(throttled.checks).toBe(0);
    jest.advanceTimersByTime(1);
    expect(throttled.checks).toBe(1);
  });

  it('keeps a single timer however often scheduling is asked for', () => {
    const busy = queue({ pending: ['a', 'b'] });
    for (let i = 0; i < 5; i++) busy.scheduleCheckPendingRequests();
    expect(jest.getTimerCount()).toBe(1);
  });

  it('is installed on the kafkajs RequestQueue this project runs', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
    expect(requestQueueTimerFix).toEqual({ installed: true });
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(scheduleCheckOnlyWhilePending);
  });
});
