import { buildEvent, topicFor, type BcciEvent, type ChannelValue, type EventDataMap, type EventTypeName } from '@bcci/contracts';
import type { OutboxEntry } from './outbox-writer';

/** What an event produced in reaction to something carries of it. */
export interface Causation {
  /** The chain's first event or request; an event that starts a chain leaves it out (it is its own). */
  readonly correlationId?: string;
  /** The event or request that directly caused this one; the correlation id by default. */
  readonly causationId?: string;
  /** The W3C trace context the record's headers carry on. */
  readonly traceparent?: string;
}

/**
 * The outbox entry of an event built already: on its type's stream (contracts/topics.json) unless
 * another topic is named (an agency's own), keyed by its subject, with the trace context in its headers.
 */
export function outboxEntryOf(event: BcciEvent, traceparent?: string, topic: string = topicFor(event.type)): OutboxEntry {
  return { topic, event, ...(traceparent ? { headers: { traceparent } } : {}) };
}

/**
 * The outbox entry of an event a service decided, built in its envelope (contracts' buildEvent: source,
 * schema, subject and national status follow from the type and data), dated `time`. The one way the
 * services write an event's entry.
 */
export function outboxEntryFor<T extends EventTypeName>(type: T, data: EventDataMap[T], causation: Causation, time: Date, channel?: ChannelValue): OutboxEntry {
  const event = buildEvent({ type, data, correlationId: causation.correlationId, causationId: causation.causationId, time, ...(channel === undefined ? {} : { channel }) });
  return outboxEntryOf(event as BcciEvent, causation.traceparent);
}
