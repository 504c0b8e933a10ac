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
