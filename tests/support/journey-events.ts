import { randomUUID } from 'node:crypto';
import { assertValidEvent, buildEvent, findTopic, formatIssue, toKafkaRecord, validateKafkaHeaders, type BcciEvent, type EventDataMap, type EventTypeName } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';
import { Kafka, logLevel } from 'kafkajs';
import type { E2eStack } from './e2e-stack';
import type { EventReader, ReadEvent } from './event-reader';

/** Every stream a dossier's journey writes to (contracts/topics.json), the agencies' command topic included. */
export const JOURNEY_TOPICS = [
  'bcci.intake.dossier-events.v1',
  'bcci.digitization.dossier-events.v1',
  'bcci.forwarding.dossier-events.v1',
  'bcci.agency-gateway.dossier-events.v1',
  'bcci.agency.decisions.v1',
  'bcci.returns.dossier-events.v1',
];

/**
 * What the test saw on Kafka: every record of the journey topics, each validated against its schema as
 * it arrives (an invalid one is kept in `invalid` and fails `assertAllValid`).
 */
export class JourneyEvents {
  readonly invalid: Array<{ topic: string; offset: string; error: string }> = [];

  private constructor(
    private readonly reader: EventReader,
    private readonly topics: string[],
  ) {
    for (const record of reader.all()) this.check(record);
    reader.onEvent((record) => this.check(record));
  }

  static async open(stack: E2eStack, topics: string[] = JOURNEY_TOPICS): Promise<JourneyEvents> {
    for (const topic of topics) if (!findTopic(topic)) throw new Error(`${topic} is not declared in contracts/topics.json`);
    return new JourneyEvents(await stack.readEvents(topics), topics);
  }

  /** Events about one dossier (subject = dossier id), in the order they were read. */
  of(dossierId: string, topic?: string): BcciEvent[] {
    return this.reader
      .all()
      .filter((r) => (topic === undefined || r.topic === topic) && (r.value as { subject?: string } | null)?.subject === dossierId)
      .map((r) => r.value as BcciEvent);
  }

  /** Events about one dossier on the services' streams (not the agencies' commands). */
  streamEventsOf(dossierId: string): BcciEvent[] {
    return this.reader
      .all()
      .filter((r) => r.topic !== 'bcci.agency.decisions.v1' && (r.value as { subject?: string } | null)?.subject === dossierId)
      .map((r) => r.value as BcciEvent);
  }

  count(dossierId: string, type: string): number {
    return this.of(dossierId).filter((e) => e.type === type).length;
  }

  /** The first event of that type about the dossier, read already or still to come; validated. */
  async waitFor<T extends EventTypeName>(dossierId: string, type: T, timeoutMs = 60_000): Promise<BcciEvent<T>> {
    const record = await this.reader.waitFor(
      (r) => (r.value as { subject?: string; type?: string } | null)?.subject === dossierId && (r.value as { type?: string }).type === type,
      timeoutMs,
      `${type} for dossier ${dossierId}`,
    );
    assertValidEvent(record.value);
    return record.value as BcciEvent<T>;
  }

  /** Fails with the list of invalid records, if any was read. */
  assertAllValid(): void {
    if (this.invalid.length > 0) throw new Error(`invalid events on Kafka:\n${this.invalid.map((i) => `${i.topic}@${i.offset}: ${i.error}`).join('\n')}`);
  }

  /**
   * Waits until nothing is left to come: every running service that keeps an outbox has it empty (outbox_backlog_size 0
   * on /metrics) and this reader has read every topic to its end. Bounded; the error says what is left.
   */
  async drained(stack: E2eStack, timeoutMs = 60_000): Promise<void> {
    const kafka = new Kafka({ clientId: 'bcci-e2e-drain', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const left: string[] = [];
        // A service without a database (the post office app's server) keeps no outbox: nothing to wait for.
        for (const { name, url } of stack.stack.services.filter((service) => service.database !== undefined)) {
          const metrics = await fetch(`${url}/metrics`).then((r) => r.text()).catch((e: Error) => `unreachable ${e.message}`);
          const backlog = /^outbox_backlog_size(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1];
          if (backlog !== '0') left.push(`${name} outbox backlog ${backlog ?? 'unknown'}`);
        }
        const read = new Map<string, bigint>();
        for (const r of this.reader.all()) {
          const key = `${r.topic}:${r.partition}`;
          const next = BigInt(r.offset) + 1n;
          if ((read.get(key) ?? 0n) < next) read.set(key, next);
        }
        for (const topic of this.topics) {
          for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
            const reached = read.get(`${topic}:${partition}`) ?? 0n;
            if (reached < BigInt(high)) left.push(`${topic}[${partition}] read to ${reached} of ${high}`);
          }
        }
        if (left.length === 0) return;
        if (Date.now() > deadline) throw new Error(`not drained after ${timeoutMs} ms: ${left.join('; ')}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await admin.disconnect();
    }
  }

  get recordCount(): number {
    return this.reader.all().length;
  }

  private check(record: ReadEvent): void {
    try {
      assertValidEvent(record.value);
    } catch (error) {
      this.invalid.push({ topic: record.topic, offset: record.offset, error: (error as Error).message.slice(0, 500) });
    }
    // The headers have a contract too (common/kafka-headers.v1): content type and W3C trace context.
    const headers = validateKafkaHeaders(record.headers);
    if (!headers.valid) this.invalid.push({ topic: record.topic, offset: record.offset, error: `headers: ${headers.errors.map(formatIssue).join('; ')}`.slice(0, 500) });
  }
}

/** An agency system writing commands to `bcci.agency.decisions.v1`, as the gateway's AsyncAPI describes. */
export class AgencyCommandProducer {
  private producer?: MessageProducer;

  constructor(private readonly stack: E2eStack) {}

  async send<T extends EventTypeName>(type: T, data: Omit<EventDataMap[T], 'commandId'> & { commandId?: string }): Promise<BcciEvent<T>> {
    const event = buildEvent({ type, data: { commandId: randomUUID(), ...data } as unknown as EventDataMap[T] });
    assertValidEvent(event);
    this.producer ??= await new KafkajsMessageBus({ clientId: 'bcci-e2e-agency-system', brokers: this.stack.kafkaBrokers, logLevel: 'NOTHING' }).createProducer();
    await this.producer.send([toKafkaRecord(event, { traceparent: createTraceparent() })]);
    return event;
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }
}
