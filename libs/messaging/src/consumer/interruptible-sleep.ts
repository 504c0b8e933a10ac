/** Waits `ms`, or less if `signal` aborts first (it then resolves, it does not throw). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const interruptibleSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export interface PauseOptions {
  sleep: Sleep;
  /** Aborted when the consumer stops. */
  signal?: AbortSignal;
  /** Longest sleep between two heartbeats. */
  sliceMs: number;
  control?: { heartbeat(): Promise<void>; shouldContinue(): boolean };
}

/**
 * Sleeps `ms` in slices with a heartbeat after each, so a long wait keeps the consumer in its group.
 * Answers false as soon as the consumer stops or loses the partition (the caller then lets go of the
 * message unresolved); a failing heartbeat (rebalance) propagates.
 */
export async function pauseWithHeartbeats(ms: number, { sleep, signal, sliceMs, control }: PauseOptions): Promise<boolean> {
  const slice = Math.max(1, sliceMs);
  const stopping = () => signal?.aborted === true || control?.shouldContinue() === false;
  for (let left = ms; left > 0; left -= slice) {
    await sleep(Math.min(left, slice), signal);
    if (stopping()) return false;
    await control?.heartbeat();
  }
  return !stopping();
}
