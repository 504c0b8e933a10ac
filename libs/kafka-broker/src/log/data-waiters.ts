/** The partitions of one topic a parked fetch reads. */
export interface WaitedTopic {
  readonly topic: string;
  readonly partitions: readonly number[];
}

interface Waiter {
  /** Partitions by topic, to tell whether an append concerns this fetch. */
  readonly partitions: ReadonlyMap<string, ReadonlySet<number>>;
  readonly resolve: () => void;
  timer: NodeJS.Timeout | null;
}

/**
 * Parks long-polling fetches until data arrives on one of their partitions or their wait runs out, so a
 * consumer sees a message as soon as it is appended (a request/response over Kafka takes two such hops).
 * Fetches are parked by topic, not by partition: a consumer asks for every partition it owns at every
 * fetch (12 per topic), and registering each one cost more than the rest of the fetch.
 */
export class DataWaiters {
  private readonly byTopic = new Map<string, Set<Waiter>>();

  wait(topics: readonly WaitedTopic[], timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const partitions = new Map<string, Set<number>>();
      for (const { topic, partitions: wanted } of topics) {
        let set = partitions.get(topic);
        if (!set) partitions.set(topic, (set = new Set()));
        for (const partition of wanted) set.add(partition);
      }
      const waiter: Waiter = { partitions, resolve, timer: null };
      waiter.timer = setTimeout(() => this.wake(waiter), Math.max(0, timeoutMs));
      for (const topic of partitions.keys()) {
        let set = this.byTopic.get(topic);
        if (!set) this.byTopic.set(topic, (set = new Set()));
        set.add(waiter);
      }
    });
  }

  notify(topic: string, partition: number): void {
    const set = this.byTopic.get(topic);
    if (!set) return;
    for (const waiter of [...set]) if (waiter.partitions.get(topic)?.has(partition)) this.wake(waiter);
  }

  /** Releases every parked fetch, e.g. when the broker stops. */
  wakeAll(): void {
    for (const set of [...this.byTopic.values()]) for (const waiter of [...set]) this.wake(waiter);
  }

  private wake(waiter: Waiter): void {
    if (waiter.timer) clearTimeout(waiter.timer);
    waiter.timer = null;
    for (const topic of waiter.partitions.keys()) {
      const set = this.byTopic.get(topic);
      set?.delete(waiter);
      if (set?.size === 0) this.byTopic.delete(topic);
    }
    waiter.resolve();
  }
}
