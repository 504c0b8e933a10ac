import { Reader } from '../reader';
import { Writer } from '../writer';

/** CreateTopics v0–3 (Apache Kafka CreateTopicsRequest.json / CreateTopicsResponse.json; flexible from v5). */
export interface CreateTopicsRequestTopic {
  name: string;
  /** -1 = broker default (only valid with no assignments, or when assignments give the partitions). */
  numPartitions: number;
  /** -1 = broker default. */
  replicationFactor: number;
  assignments: Array<{ partitionIndex: number; brokerIds: number[] }>;
  configs: Array<{ name: string; value: string | null }>;
}

export interface CreateTopicsRequest {
  topics: CreateTopicsRequestTopic[];
  timeoutMs: number;
  /** v1+. */
  validateOnly: boolean;
}

export interface CreateTopicsResponse {
  /** v2+. */
  throttleTimeMs: number;
  /** errorMessage is v1+. */
  topics: Array<{ name: string; errorCode: number; errorMessage: string | null }>;
}

export function decodeCreateTopicsRequest(reader: Reader, version: number): CreateTopicsRequest {
  const topics = reader.array((topic) => ({
    name: topic.string(),
    numPartitions: topic.int32(),
    replicationFactor: topic.int16(),
    assignments: topic.array((a) => ({ partitionIndex: a.int32(), brokerIds: a.array((b) => b.int32()) })),
    configs: topic.array((c) => ({ name: c.string(), value: c.nullableString() })),
  }));
  const timeoutMs = reader.int32();
  const validateOnly = version >= 1 ? reader.boolean() : false;
  return { topics, timeoutMs, validateOnly };
}

export function encodeCreateTopicsResponse(writer: Writer, version: number, response: CreateTopicsResponse): void {
  if (version >= 2) writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, topic) => {
    w.string(topic.name).int16(topic.errorCode);
    if (version >= 1) w.nullableString(topic.errorMessage);
  });
}
