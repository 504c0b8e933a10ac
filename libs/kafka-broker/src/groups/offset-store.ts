/** One committed offset, as OffsetFetch returns it. */
export interface CommittedOffset {
  offset: number;
  metadata: string | null;
  commitTimestamp: number;
}

/** Committed offsets of one group, by topic then partition. Offsets never expire on this broker. */
export class OffsetStore {
  private readonly topics = new Map<string, Map<number, CommittedOffset>>();

  get(topic: string, partition: number): CommittedOffset | undefined {
    return this.topics.get(topic)?.get(partition);
  }

  set(topic: string, partition: number, committed: CommittedOffset): void {
    let partitions = this.topics.get(topic);
    if (!partitions) {
      partitions = new Map();
      this.topics.set(topic, partitions);
    }
    partitions.set(partition, committed);
  }

  /** Returns whether anything was dropped (so the caller knows whether to persist). */
  deleteTopic(topic: string): boolean {
    return this.topics.delete(topic);
  }

  get isEmpty(): boolean {
    return this.topics.size === 0;
  }

  /** Every committed partition, topics and partitions in ascending order (stable output for clients and tests). */
  entries(): { topic: string; partition: number; committed: CommittedOffset }[] {
    const result: { topic: string; partition: number; committed: CommittedOffset }[] = [];
    for (const topic of [...this.topics.keys()].sort()) {
      const partitions = this.topics.get(topic)!;
      for (const partition of [...partitions.keys()].sort((a, b) => a - b)) {
        result.push({ topic, partition, committed: partitions.get(partition)! });
      }
    }
    return result;
  }
}
