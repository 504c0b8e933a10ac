import type { MessageProducer, OutgoingMessage } from '@bcci/messaging';
import type { ServiceMetrics } from '../metrics/service-metrics';

export function eventTypeOf(value: string | Buffer | null): string {
  if (value === null) return 'unknown';
  try {
    const type = (JSON.parse(value.toString()) as { type?: unknown }).type;
    return typeof type === 'string' ? type : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Counts events_produced_total by type once the broker acknowledged them. */
export class CountingProducer implements MessageProducer {
  constructor(
    private readonly inner: MessageProducer,
    private readonly metrics: ServiceMetrics,
  ) {}

  async send(messages: OutgoingMessage[]): Promise<void> {
    await this.inner.send(messages);
    for (const message of messages) this.metrics.eventsProduced.inc({ type: eventTypeOf(message.value) });
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }
}
