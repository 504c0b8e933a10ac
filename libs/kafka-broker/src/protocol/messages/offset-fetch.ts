import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** OffsetFetch v1–4 (pre-flexible). Names follow Apache Kafka's OffsetFetchRequest.json. */
export interface OffsetFetchRequestTopic {
  name: string;
  partitionIndexes: number[];
}

export interface OffsetFetchRequest {
  groupId: string;
  /** null (v2+) asks for every partition the group has committed; kafkajs sends null for an empty list. */
  topics: OffsetFetchRequestTopic[] | null;
}

export interface OffsetFetchResponsePartition {
  partitionIndex: number;
  /** −1 when nothing is committed. */
  committedOffset: number;
  committedMetadata: string | null;
  errorCode: number;
}

export interface OffsetFetchResponseTopic {
  name: string;
  partitions: OffsetFetchResponsePartition[];
}

export interface OffsetFetchResponse {
  /** v3+. */
  throttleTimeMs: number;
  topics: OffsetFetchResponseTopic[];
  /** v2+: group-level error. */
  errorCode: number;
}

export function decodeOffsetFetchRequest(reader: Reader, version: number): OffsetFetchRequest {
  const groupId = reader.string();
  const readTopic = (r: Reader): OffsetFetchRequestTopic => ({ name: r.string(), partitionIndexes: r.array((p) => p.int32()) });
  // Kafka made the array nullable at v2; for v1 a null would be malformed, but treating it as empty is harmless.
  const topics = version >= 2 ? reader.nullableArray(readTopic) : reader.array(readTopic);
  return { groupId, topics };
}

export function encodeOffsetFetchResponse(writer: Writer, version: number, response: OffsetFetchResponse): void {
  if (version >= 3) writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitions, (pw, partition) => {
      pw.int32(partition.partitionIndex)
        .int64(partition.committedOffset)
        .nullableString(partition.committedMetadata)
        .int16(partition.errorCode);
    });
  });
  if (version >= 2) writer.int16(response.errorCode);
}
