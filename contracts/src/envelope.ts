import type { CloudEventEnvelope } from './generated/envelope';
import type { EventDataMap, EventTypeName } from './generated/event-types';

/** CloudEvents `specversion` used by every BCCI event. */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';
/** `datacontenttype` of every BCCI event. */
export const DATA_CONTENT_TYPE = 'application/json';
/** Kafka `content-type` header: CloudEvents structured mode, the record value is the whole envelope. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/** Names of the Kafka headers of a BCCI record. */
export const KafkaHeader = {
  ContentType: 'content-type',
  TraceParent: 'traceparent',
  TraceState: 'tracestate',
} as const;

/** Names of the headers a dead-lettered record gets (its value, key and original headers are kept). */
export const DeadLetterHeader = {
  Reason: 'dlq-reason',
  ErrorKind: 'dlq-error-kind',
  OriginalTopic: 'dlq-original-topic',
  OriginalPartition: 'dlq-original-partition',
  OriginalOffset: 'dlq-original-offset',
  Consumer: 'dlq-consumer',
  FailedAt: 'dlq-failed-at',
  Attempts: 'dlq-attempts',
} as const;

/** W3C trace context `traceparent` (version 00). */
export const TRACEPARENT_PATTERN = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** National dossier status codes (domain.md §5). Postal states are finer and map onto these. */
export const NationalStatus = {
  NewlyRegistered: 1,
  Received: 2,
  NotReceived: 3,
  Processing: 4,
  SupplementRequested: 5,
  FinancialObligationRequested: 6,
  WithdrawnByApplicant: 7,
  ProcessingStopped: 8,
  Resolved: 9,
  ResultReturned: 10,
} as const;
export type NationalStatusValue = (typeof NationalStatus)[keyof typeof NationalStatus];

/** National channel codes: 1 in person, 2 online, 3 BCCI. */
export const Channel = { InPerson: 1, Online: 2, Bcci: 3 } as const;
export type ChannelValue = (typeof Channel)[keyof typeof Channel];

/**
 * A BCCI event: the CloudEvents envelope with `type` and `data` tied together.
 * Without a type argument it is the union of every event, discriminated by `type`.
 */
export type BcciEvent<T extends EventTypeName = EventTypeName> = T extends EventTypeName
  ? Omit<CloudEventEnvelope, 'type' | 'data'> & { type: T; data: EventDataMap[T] }
  : never;

/** Narrows an event of the union to one type. */
export function isEventOfType<T extends EventTypeName>(event: BcciEvent, type: T): event is BcciEvent<T> {
  return event.type === type;
}
