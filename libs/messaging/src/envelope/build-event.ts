import { randomUUID } from 'node:crypto';
import type { CloudEvent } from './cloud-event';
import { systemClock } from '@bcci/kernel';

export interface NewEvent<TData> {
  type: string;
  source: string;
  /** Dossier id. */
  subject: string;
  dataschema: string;
  data: TData;
  /** Defaults to now. */
  time?: Date;
  /** Defaults to the new event's own id: it starts a new chain. */
  correlationId?: string;
  /** Defaults to the correlation id. */
  causationId?: string;
}

/** Builds an envelope with a fresh id. Use eventCausedBy() when reacting to another event. */
export function buildEvent<TData>(event: NewEvent<TData>): CloudEvent<TData> {
  const id = randomUUID();
  const correlationid = event.correlationId ?? id;
  return {
    specversion: '1.0',
    id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: (event.time ?? systemClock.now()).toISOString(),
    datacontenttype: 'application/json',
    dataschema: event.dataschema,
    correlationid,
    causationid: event.causationId ?? correlationid,
    data: event.data,
  };
}

/** An event caused by `cause`: same correlation id, causation id = cause.id. */
export function eventCausedBy<TData>(
  cause: Pick<CloudEvent, 'id' | 'correlationid'>,
  event: Omit<NewEvent<TData>, 'correlationId' | 'causationId'>,
): CloudEvent<TData> {
  return buildEvent({ ...event, correlationId: cause.correlationid, causationId: cause.id });
}

const REQUIRED: Array<keyof CloudEvent> = ['specversion', 'id', 'type', 'source', 'subject', 'time', 'dataschema', 'correlationid', 'causationid'];

/** Parses a Kafka message value into an envelope; throws with a readable reason when it is not one. */
export function parseEvent(value: Buffer | string | null): CloudEvent {
  if (value === null) throw new Error('message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    throw new Error('message value is not JSON');
  }
  if (!parsed || typeof parsed !== 'object') throw new Error('message value is not a JSON object');
  const missing = REQUIRED.filter((name) => typeof (parsed as Record<string, unknown>)[name] !== 'string');
  if (missing.length) throw new Error(`envelope lacks ${missing.join(', ')}`);
  return parsed as CloudEvent;
}
