import { assertValidEvent, toKafkaRecord, type BcciEvent } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';

/**
 * Publishes events into a service under test as their real producers would: each validated against
 * contracts first, with a fresh traceparent. Remembers the subjects it published, so an EventCollector
 * can keep only this test's dossiers (`where: (e) => publisher.subjects.has(e.subject)`).
 */
export class EventPublisher {
  readonly subjects = new Set<string>();
  private producer?: MessageProducer;

  constructor(private readonly options: { brokers: string[]; clientId: string }) {}

  async start(): Promise<this> {
    this.producer = await new KafkajsMessageBus({ clientId: this.options.clientId, brokers: this.options.brokers, logLevel: 'NOTHING' }).createProducer();
    return this;
  }

  async publish(...events: BcciEvent[]): Promise<void> {
    if (!this.producer) throw new Error('EventPublisher.publish before start()');
    for (const event of events) {
      assertValidEvent(event);
      this.subjects.add(event.subject);
    }
    await this.producer.send(events.map((event) => toKafkaRecord(event, { traceparent: createTraceparent() })));
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}
