interface Waiter {
  readonly keys: readonly string[];
  readonly resolve: () => void;
  timer: NodeJS.Timeout | null;
}

/**
 * Parks long-polling fetches until data arrives on one of their partitions or their wait runs out, so a
 * consumer sees a message as soon as it is appended (a request/response over Kafka takes two such hops).
 */
export class DataWaiters {
  private readonly byKey = new Map<string, Set<Waiter>>();

  static key(topic: string, partition: number): string {
    return `${topic}\u0000${partition}`;
  }

  wait(keys: readonly string[], timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter: Waiter = { keys, resolve, timer: null };
      waiter.timer = setTimeout(() => this.wake(waiter), Math.max(0, timeoutMs));
      for (const key of keys) {
        let set = this.byKey.get(key);
        if (!set) this.byKey.set(key, (set = new Set()));
        set.add(waiter);
      }
    });
  }

  notify(topic: string, partition: number): void {
    const set = this.byKey.get(DataWaiters.key(topic, partition));
    if (!set) return;
    for (const waiter of [...set]) this.wake(waiter);
  }

  /** Releases every parked fetch, e.g. when the broker stops. */
  wakeAll(): void {
    for (const set of [...this.byKey.values()]) for (const waiter of [...set]) this.wake(waiter);
  }

  private wake(waiter: Waiter): void {
    if (waiter.timer) clearTimeout(waiter.timer);
    waiter.timer = null;
    for (const key of waiter.keys) {
      const set = this.byKey.get(key);
      set?.delete(waiter);
      if (set?.size === 0) this.byKey.delete(key);
    }
    waiter.resolve();
  }
}
