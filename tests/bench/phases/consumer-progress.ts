import { Kafka, logLevel } from 'kafkajs';

interface Waiter {
  readonly topic: string;
  readonly partition: number;
  /** Resolved once the group's committed offset is past this one. */
  readonly offset: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly deadline: number;
  readonly what: string;
}

/**
 * Waits, on Kafka, for a service's consumer group to have handled a message: its committed offset on
 * the message's partition is past the message's offset. The group commits after its transaction, so
 * "past" means the service has the message's effect. One admin request answers every waiter at once
 * (at most one every `everyMs` while anyone waits); the services themselves are not asked.
 */
export class ConsumerProgress {
  private readonly admin;
  private readonly waiters = new Set<Waiter>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  private constructor(
    kafka: Kafka,
    private readonly groupId: string,
    private readonly everyMs: number,
  ) {
    this.admin = kafka.admin();
  }

  static async open(brokers: string[], groupId: string, everyMs = 50): Promise<ConsumerProgress> {
    const progress = new ConsumerProgress(new Kafka({ clientId: `bcci-bench-progress-${groupId}`, brokers, logLevel: logLevel.NOTHING }), groupId, everyMs);
    await progress.admin.connect();
    return progress;
  }

  /** Resolves once the group handled `topic[partition]@offset`; rejects after `timeoutMs`, naming `what`. */
  past(topic: string, partition: number, offset: string, what: string, timeoutMs = 120_000): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.add({ topic, partition, offset: BigInt(offset), resolve, reject, deadline: Date.now() + timeoutMs, what });
      this.schedule();
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    for (const waiter of this.waiters) waiter.reject(new Error(`stopped waiting for ${this.groupId} to handle ${waiter.what}`));
    this.waiters.clear();
    await this.admin.disconnect();
  }

  private schedule(): void {
    if (this.timer || this.polling || this.waiters.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, this.everyMs);
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      const topics = [...new Set([...this.waiters].map((waiter) => waiter.topic))];
      const committed = new Map<string, bigint>();
      for (const topic of await this.admin.fetchOffsets({ groupId: this.groupId, topics })) {
        for (const { partition, offset } of topic.partitions) committed.set(`${topic.topic} ${partition}`, BigInt(offset));
      }
      for (const waiter of this.waiters) {
        // The committed offset is the next one the group will read.
        if ((committed.get(`${waiter.topic} ${waiter.partition}`) ?? -1n) > waiter.offset) {
          this.waiters.delete(waiter);
          waiter.resolve();
        } else if (Date.now() > waiter.deadline) {
          this.waiters.delete(waiter);
          waiter.reject(new Error(`${this.groupId} did not handle ${waiter.what} in time`));
        }
      }
    } catch {
      // A failed admin request is asked again at the next turn; each waiter keeps its own deadline.
    } finally {
      this.polling = false;
      this.schedule();
    }
  }
}
