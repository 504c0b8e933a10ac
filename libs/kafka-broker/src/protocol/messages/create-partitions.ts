import { Reader } from '../reader';
import { Writer } from '../writer';

/** CreatePartitions v0–1 (Apache Kafka CreatePartitionsRequest.json / CreatePartitionsResponse.json; flexible from v2). */
export interface CreatePartitionsRequestTopic {
  name: string;
  /** The new total number of partitions (not the number to add). */
  count: number;
  /** null = let the broker place the new partitions (kafkajs sends null for an empty list). */
  assignments: Array<{ brokerIds: number[] }> | null;
}

export interface CreatePartitionsRequest {
  topics: CreatePartitionsRequestTopic[];
  timeoutMs: number;
  validateOnly: boolean;
}

export interface CreatePartitionsResponse {
  throttleTimeMs: number;
  results: Array<{ name: string; errorCode: number; errorMessage: string | null }>;
}

export function decodeCreatePartitionsRequest(reader: Reader, _version: number): CreatePartitionsRequest {
  const topics = reader.array((topic) => ({
    name: topic.string(),
    count: topic.int32(),
    assignments: topic.nullableArray((a) => ({ brokerIds: a.array((b) => b.int32()) })),
  }));
  const timeoutMs = reader.int32();
  const validateOnly = reader.boolean();
  return { topics, timeoutMs, validateOnly };
}

export function encodeCreatePartitionsResponse(writer: Writer, _version: number, response: CreatePartitionsResponse): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.results, (w, result) => w.string(result.name).int16(result.errorCode).nullableString(result.errorMessage));
}
