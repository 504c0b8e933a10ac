import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
// Loads the services' kafkajs request-queue timer fix, so this reader's idle connections do not spin
// either (a reader in the benchmark would otherwise take CPU from the stack it measures).
import '@bcci/messaging';

export interface ReadEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  /** The record value parsed as JSON (a CloudEvents envelope for every BCCI topic). */
  value: unknown;
  /** When this reader received it (Date.now()), for lag measurements. */
  receivedAt: number;
}

type Waiter = { predicate: (event: ReadEvent) => boolean; resolve: (event: ReadEvent) => void };

/**
 * Reads topics from the beginning in a consumer group of its own and keeps every record, so a test can
 * wait for "the event about this dossier" whether it arrived before or after the wait started.
 */
export class EventReader {
  private readonly events: ReadEvent[] = [];
  /** Records already kept, by topic, partition and offset. */
  private readonly seen = new Set<string>();
  private waiters: Waiter[] = [];
  private listeners: Array<(event: ReadEvent) => void> = [];

  private constructor(private readonly consumer: Consumer) {}

  static async open(brokers: string[], topics: string[], options: { fromBeginning?: boolean } = {}): Promise<EventReader> {
    const kafka = new Kafka({ clientId: 'bcci-e2e-reader', brokers, logLevel: logLevel.ERROR });
    const consumer = kafka.consumer({ groupId: `bcci.e2e-reader.${randomUUID()}`, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1000 });
    const reader = new EventReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: options.fromBeginning ?? true });
    const joined = new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await consumer.run({
      // The group is the reader's own and thrown away. kafkajs commits its offsets after every batch (12
      // commits per journey dossier, load on the broker whose CPU the bench counts as the stack's), and
      // no interval setting changes that: the reader commits nothing. A rebalance (its only member
      // missing 10 s of heartbeats) starts it again from where `fromBeginning` says; `seen` absorbs the
      // records read twice.
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          const first = Array.isArray(value) ? value[0] : value;
          if (first !== undefined) headers[name] = first.toString();
        }
        const text = message.value?.toString('utf8') ?? 'null';
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          value = text;
        }
        reader.push({ topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, headers, value, receivedAt: Date.now() });
      },
    });
    await joined;
    return reader;
  }

  /** Every record read so far. */
  all(): readonly ReadEvent[] {
    return this.events;
  }

  /** Called for each record as it arrives (and not for those already read). */
  onEvent(listener: (event: ReadEvent) => void): void {
    this.listeners.push(listener);
  }

  /** The first record (already read or still to come) that satisfies `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (event: ReadEvent) => boolean, timeoutMs = 30_000, what = 'a matching event'): Promise<ReadEvent> {
    const found = this.events.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms (${this.events.length} record(s) read)`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }

  private push(event: ReadEvent): void {
    // The reader's own group reads a record again after a rebalance that came before its offsets were
    // committed (at least once, as any consumer). That is the same record, not a second publication: a
    // producer's duplicate is another record at another offset, and is still kept and counted.
    const position = `${event.topic}:${event.partition}:${event.offset}`;
    if (this.seen.has(position)) return;
    this.seen.add(position);
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    const satisfied = this.waiters.filter((w) => w.predicate(event));
    this.waiters = this.waiters.filter((w) => !satisfied.includes(w));
    for (const waiter of satisfied) waiter.resolve(event);
  }
}

/** The CloudEvents `subject` (= dossier id) of a read record, if its value is an envelope. */
export function subjectOf(event: ReadEvent): string | undefined {
  const value = event.value as { subject?: unknown } | null;
  return value && typeof value.subject === 'string' ? value.subject : undefined;
}

/** The CloudEvents `type` of a read record, if its value is an envelope. */
export function typeOf(event: ReadEvent): string | undefined {
  const value = event.value as { type?: unknown } | null;
  return value && typeof value.type === 'string' ? value.type : undefined;
}
