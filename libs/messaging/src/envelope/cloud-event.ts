/**
 * The envelope of every BCCI event: CloudEvents 1.0 attributes in structured mode (the whole envelope
 * is the Kafka message value, JSON), plus the correlation and causation extensions.
 * Extension attribute names are lower-case alphanumerics, as CloudEvents requires.
 */
export interface CloudEvent<TData = unknown> {
  specversion: '1.0';
  /** uuid v4; the inbox deduplicates on it. */
  id: string;
  /** e.g. `bcci.intake.dossier-registered.v1`. */
  type: string;
  /** The producing service, e.g. `/bcci/intake`. */
  source: string;
  /** The dossier id; also the Kafka key, so one dossier's events keep their order. */
  subject: string;
  /** RFC 3339 timestamp of the fact. */
  time: string;
  datacontenttype: 'application/json';
  /** URI of the JSON Schema the data validates against. */
  dataschema: string;
  /** Id of the first event (or request) of the chain this event belongs to. */
  correlationid: string;
  /** Id of the event (or request) that directly caused this one. */
  causationid: string;
  data: TData;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
