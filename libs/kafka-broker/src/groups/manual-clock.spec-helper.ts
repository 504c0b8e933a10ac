import type { GroupClock, TimerHandle } from './group-clock';

/** Test clock: time moves only through advance(), which fires due timers in deadline order. */
export class ManualClock implements GroupClock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + delayMs, callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      let dueId: number | null = null;
      let dueAt = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.at <= target && (timer.at < dueAt || (timer.at === dueAt && id < dueId!))) {
          dueId = id;
          dueAt = timer.at;
        }
      }
      if (dueId === null) break;
      const timer = this.timers.get(dueId)!;
      this.timers.delete(dueId);
      this.time = timer.at;
      timer.callback();
    }
    this.time = target;
  }
}

/** Lets a test see whether a parked request has been answered yet, and with what. */
export function track<T>(value: Promise<T> | T): { readonly done: boolean; readonly value: T } {
  const state = { done: false, value: undefined as T };
  Promise.resolve(value).then((v) => {
    state.done = true;
    state.value = v;
  });
  return {
    get done() {
      return state.done;
    },
    get value() {
      if (!state.done) throw new Error('request still parked');
      return state.value;
    },
  };
}

/** Runs queued promise callbacks (all coordinator answers are resolved synchronously, so a few ticks suffice). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
