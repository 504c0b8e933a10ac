import { randomUUID } from 'node:crypto';
import { getEventDescriptor, nationalStatusFor } from './catalog';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  CLOUDEVENTS_SPEC_VERSION,
  Channel,
  DATA_CONTENT_TYPE,
  KafkaHeader,
  TRACEPARENT_PATTERN,
  type BcciEvent,
  type ChannelValue,
} from './envelope';
import type { EventDataMap, EventTypeName } from './generated/event-types';
import { agencyTopicFor } from './topics';

export interface BuildEventInput<T extends EventTypeName> {
  type: T;
  data: EventDataMap[T];
  /** Id of the request or event that started the chain; defaults to the new event's id. */
  correlationId?: string;
  /** Id of the request or event that directly caused this one; defaults to the correlation id. */
  causationId?: string;
  /** Event id; a new UUID by default. */
  id?: string;
  /**
   * Time of occurrence; the machine's clock by default. Services pass their Clock's reading (@bcci/kernel's
   * systemClock): contracts depend on nothing of ours, so this default does not follow BCCI_TEST_NOW.
   */
  time?: Date | string;
  /** National channel, added when the event carries a national status; 3 (BCCI) by default. */
  channel?: ChannelValue;
}

/**
 * Builds a complete envelope: `source`, `dataschema`, `subject` (= Kafka key) and the national status
 * follow from the type and data. Validate it with `assertValidEvent` in tests.
 */
export function buildEvent<T extends EventTypeName>(input: BuildEventInput<T>): BcciEvent<T> {
  const descriptor = getEventDescriptor(input.type);
  const id = input.id ?? randomUUID();
  const correlationid = input.correlationId ?? id;
  const subject = (input.data as unknown as Record<string, string>)[descriptor.keyField];
  const time = input.time instanceof Date ? input.time.toISOString() : (input.time ?? new Date().toISOString());
  const nationalstatus = nationalStatusFor(input.type, input.data);
  const envelope = {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id,
    type: input.type,
    source: descriptor.source,
    subject,
    time,
    datacontenttype: DATA_CONTENT_TYPE,
    dataschema: descriptor.dataschema,
    correlationid,
    causationid: input.causationId ?? correlationid,
    ...(nationalstatus === undefined ? {} : { nationalstatus, channel: input.channel ?? Channel.Bcci }),
    data: input.data,
  };
  return envelope as unknown as BcciEvent<T>;
}

export interface KafkaRecord {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * The Kafka record of an event in CloudEvents structured mode: key = subject (dossier id),
 * value = the envelope as JSON, W3C trace context in headers. `agencyId` targets the per-agency topic.
 */
export function toKafkaRecord(
  event: BcciEvent,
  trace: { traceparent: string; tracestate?: string },
  options: { agencyId?: string } = {},
): KafkaRecord {
  if (!TRACEPARENT_PATTERN.test(trace.traceparent)) throw new Error(`invalid traceparent ${trace.traceparent}`);
  const descriptor = getEventDescriptor(event.type);
  if (options.agencyId !== undefined && !descriptor.alsoOnAgencyTopic) {
    throw new Error(`${event.type} is not published on per-agency topics`);
  }
  return {
    topic: options.agencyId === undefined ? descriptor.topic : agencyTopicFor(options.agencyId),
    key: event.subject,
    value: JSON.stringify(event),
    headers: {
      [KafkaHeader.ContentType]: CLOUDEVENTS_CONTENT_TYPE,
      [KafkaHeader.TraceParent]: trace.traceparent,
      ...(trace.tracestate ? { [KafkaHeader.TraceState]: trace.tracestate } : {}),
    },
  };
}
