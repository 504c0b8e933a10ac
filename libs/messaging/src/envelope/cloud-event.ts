import type { CloudEventEnvelope } from '@bcci/contracts';

/**
 * The envelope of every BCCI event, as contracts/ defines it (common/envelope.v1: CloudEvents 1.0 in
 * structured mode, the whole envelope being the Kafka message value, with the correlation, causation and
 * national-status extensions), its data typed by the caller. One definition: this library used to keep
 * its own copy of the envelope, and its own content type, which had drifted from the contract.
 */
export type CloudEvent<TData = unknown> = Omit<CloudEventEnvelope, 'data'> & { data: TData };

/** The Kafka `content-type` header of every record (contracts: common/kafka-headers.v1). */
export { CLOUDEVENTS_CONTENT_TYPE } from '@bcci/contracts';
