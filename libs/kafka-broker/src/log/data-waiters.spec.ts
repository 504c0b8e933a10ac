import { DataWaiters } from './data-waiters';

/** Whether the promise settled by now (after the microtasks already queued). */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('parked fetches', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('wake on an append to one of their partitions, not on another partition or topic', async () => {
    const waiters = new DataWaiters();
    const parked = waiters.wait([{ topic: 'a', partitions: [0, 2] }, { topic: 'b', partitions: [1] }], 5000);
    waiters.notify('a', 1);
    waiters.notify('c', 0);
    expect(await settled(parked)).toBe(false);
    waiters.notify('b', 1);
    expect(await settled(parked)).toBe(true);
  });

  it('wake when their wait runs out, and are forgotten once woken', async () => {
    const waiters = new DataWaiters();
    const parked = waiters.wait([{ topic: 'a', partitions: [0] }], 100);
    jest.advanceTimersByTime(99);
    expect(await settled(parked)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(parked)).toBe(true);
    // A later append finds nobody to wake (a woken fetch is not woken again).
    expect(() => waiters.notify('a', 0)).not.toThrow();
    expect((waiters as unknown as { byTopic: Map<string, unknown> }).byTopic.size).toBe(0);
  });

  it('wake every fetch parked on a partition, and all of them when the broker stops', async () => {
    const waiters = new DataWaiters();
    const first = waiters.wait([{ topic: 'a', partitions: [0] }], 5000);
    const second = waiters.wait([{ topic: 'a', partitions: [0, 1] }], 5000);
    const other = waiters.wait([{ topic: 'z', partitions: [3] }], 5000);
    waiters.notify('a', 0);
    expect([await settled(first), await settled(second), await settled(other)]).toEqual([true, true, false]);
    waiters.wakeAll();
    expect(await settled(other)).toBe(true);
  });
});
