import { assertValidEvent, toKafkaRecord, type BcciEvent } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';

/** Produces events to their contract topics the way a producing service's relay would. */
export class EventProducer {
  private producer?: MessageProducer;

  constructor(private readonly brokers: string[]) {}

  async send(events: readonly BcciEvent[]): Promise<void> {
    this.producer ??= await new KafkajsMessageBus({ clientId: 'tracking-test-producer', brokers: this.brokers, logLevel: 'NOTHING' }).createProducer();
    const messages = events.map((event) => {
      assertValidEvent(event);
      const record = toKafkaRecord(event, { traceparent: createTraceparent() });
      return { topic: record.topic, key: record.key, value: record.value, headers: record.headers };
    });
    // One at a time, in the given order: the test decides the arrival order.
    for (const message of messages) await this.producer.send([message]);
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }
}
