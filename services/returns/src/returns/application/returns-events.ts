import { buildEvent, topicFor, type EventDataMap, type EventTypeName } from '@bcci/contracts';
import type { OutboxEntry } from '@bcci/messaging';

/** The one stream returns produces on (contracts/topics.json). */
export const RETURNS_TOPIC = topicFor('bcci.returns.return-leg-opened.v1');

export interface Causation {
  readonly correlationId: string;
  /** Id of the event or request that directly caused this one. */
  readonly causationId?: string;
  readonly traceparent?: string;
}

/** An outbox entry for a returns event, keyed by the dossier id (the event's subject). */
export function returnsOutboxEntry<T extends EventTypeName>(type: T, data: EventDataMap[T], causation: Causation, time: Date): OutboxEntry {
  const event = buildEvent({ type, data, correlationId: causation.correlationId, causationId: causation.causationId, time });
  return {
    topic: RETURNS_TOPIC,
    event: event as unknown as OutboxEntry['event'],
    ...(causation.traceparent ? { headers: { traceparent: causation.traceparent } } : {}),
  };
}
