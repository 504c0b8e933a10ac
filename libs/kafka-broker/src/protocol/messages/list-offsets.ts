import { Reader } from '../reader';
import { Writer } from '../writer';

/** ListOffsets v1–3 (Apache Kafka ListOffsetsRequest.json / ListOffsetsResponse.json; flexible from v6). */
export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;

export interface ListOffsetsRequestPartition {
  partitionIndex: number;
  /** -1 = latest (high watermark, or LSO under read committed), -2 = earliest, else a time in ms. */
  timestamp: number;
}

export interface ListOffsetsRequest {
  replicaId: number;
  /** v2+; 0 = read uncommitted, 1 = read committed. v1 implies 0. */
  isolationLevel: number;
  topics: Array<{ name: string; partitions: ListOffsetsRequestPartition[] }>;
}

export interface ListOffsetsResponsePartition {
  partitionIndex: number;
  errorCode: number;
  /** -1 for the latest/earliest queries. */
  timestamp: number;
  offset: number;
}

export interface ListOffsetsResponse {
  /** v2+. */
  throttleTimeMs: number;
  topics: Array<{ name: string; partitions: ListOffsetsResponsePartition[] }>;
}

export function decodeListOffsetsRequest(reader: Reader, version: number): ListOffsetsRequest {
  const replicaId = reader.int32();
  const isolationLevel = version >= 2 ? reader.int8() : 0;
  const topics = reader.array((topic) => ({
    name: topic.string(),
    partitions: topic.array((p) => ({ partitionIndex: p.int32(), timestamp: p.int64() })),
  }));
  return { replicaId, isolationLevel, topics };
}

export function encodeListOffsetsResponse(writer: Writer, version: number, response: ListOffsetsResponse): void {
  if (version >= 2) writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitions, (pw, p) => pw.int32(p.partitionIndex).int16(p.errorCode).int64(p.timestamp).int64(p.offset));
  });
}
