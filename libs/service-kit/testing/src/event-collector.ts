import { randomBytes } from 'node:crypto';
import { assertValidEvent, type BcciEvent } from '@bcci/contracts';
import { KafkajsMessageBus, type IncomingMessage, type MessageConsumer } from '@bcci/messaging';

export interface CollectedEvent {
  event: BcciEvent;
  message: IncomingMessage;
}

export interface EventCollectorOptions {
  brokers: string[];
  topics: string[];
  /** Keep only these events (e.g. your test's dossier ids); others on shared topics are ignored unvalidated. */
  where?: (event: BcciEvent) => boolean;
}

/**
 * Reads topics from the beginning with a throw-away group and keeps the events, each validated with
 * assertValidEvent (an invalid one fails the next wait). Waits are bounded only by Jest's test timeout.
 */
export class EventCollector {
  readonly events: CollectedEvent[] = [];
  private readonly bus: KafkajsMessageBus;
  private consumer?: MessageConsumer;
  private readonly positions = new Map<string, bigint>();
  private failure?: Error;

  constructor(private readonly options: EventCollectorOptions) {
    this.bus = new KafkajsMessageBus({
      clientId: 'event-collector',
      brokers: options.brokers,
      logLevel: 'NOTHING',
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 500,
      maxWaitTimeMs: 200,
    });
  }

  async start(): Promise<this> {
    this.consumer = await this.bus.createConsumer({ groupId: `test-collector-${randomBytes(5).toString('hex')}`, topics: this.options.topics, fromBeginning: true });
    await this.consumer.run(async (batch, control) => {
      for (const message of batch.messages) {
        this.collect(message);
        this.positions.set(`${message.topic}:${message.partition}`, BigInt(message.offset));
        control.resolveOffset(message.offset);
      }
    });
    return this;
  }

  private collect(message: IncomingMessage): void {
    let event: BcciEvent;
    try {
      event = JSON.parse(message.value?.toString() ?? 'null') as BcciEvent;
    } catch (error) {
      this.failure ??= new Error(`unparseable message on ${message.topic}@${message.offset}: ${String(error)}`);
      return;
    }
    if (this.options.where && !this.options.where(event)) return;
    try {
      assertValidEvent(event);
    } catch (error) {
      this.failure ??= error as Error;
    }
    this.events.push({ event, message });
  }

  /** Kept events matching the predicate, once at least `count` arrived. */
  async waitFor(predicate: (event: BcciEvent) => boolean = () => true, count = 1, timeoutMs = 60_000): Promise<CollectedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure) throw this.failure;
      const found = this.events.filter(({ event }) => predicate(event));
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(`waited ${timeoutMs} ms for ${count} matching event(s) on ${this.options.topics.join(', ')}: ${found.length} matched, ${this.events.length} collected in all`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Waits until everything in the topics now (high watermarks read at the call) has been read. */
  async drainToEnd(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const targets: Array<{ key: string; last: bigint }> = [];
    for (const topic of this.options.topics) {
      for (const { partition, low, high } of await this.bus.topicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) targets.push({ key: `${topic}:${partition}`, last: BigInt(high) - 1n });
      }
    }
    for (;;) {
      if (this.failure) throw this.failure;
      if (targets.every(({ key, last }) => (this.positions.get(key) ?? -1n) >= last)) return;
      if (Date.now() > deadline) {
        const behind = targets.filter(({ key, last }) => (this.positions.get(key) ?? -1n) < last).map(({ key, last }) => `${key} at ${this.positions.get(key) ?? 'nothing'} of ${last}`);
        throw new Error(`waited ${timeoutMs} ms to read to the end of ${this.options.topics.join(', ')}; still behind: ${behind.join('; ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }
}
