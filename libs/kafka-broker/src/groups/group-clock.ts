/**
 * Time source and timers for the coordinator. Injected so state-machine tests can drive session, join and
 * sync deadlines deterministically (jest fake timers work with the default too).
 */
export type TimerHandle = unknown;

export interface GroupClock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: GroupClock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    // Group timers must never keep a process alive on their own: the server socket does that.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
