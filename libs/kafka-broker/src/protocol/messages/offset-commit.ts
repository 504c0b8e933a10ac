import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** OffsetCommit v2–5 (pre-flexible; v0–1 are not advertised). Names follow Apache Kafka's OffsetCommitRequest.json. */
export interface OffsetCommitRequestPartition {
  partitionIndex: number;
  committedOffset: number;
  committedMetadata: string | null;
}

export interface OffsetCommitRequestTopic {
  name: string;
  partitions: OffsetCommitRequestPartition[];
}

export interface OffsetCommitRequest {
  groupId: string;
  /** −1 for a simple (admin/standalone) commit. */
  generationId: number;
  memberId: string;
  /** v2–4 only; −1 means the broker default. Ignored: offsets never expire on this broker. */
  retentionTimeMs: number;
  topics: OffsetCommitRequestTopic[];
}

export interface OffsetCommitResponsePartition {
  partitionIndex: number;
  errorCode: number;
}

export interface OffsetCommitResponseTopic {
  name: string;
  partitions: OffsetCommitResponsePartition[];
}

export interface OffsetCommitResponse {
  /** v3+. */
  throttleTimeMs: number;
  topics: OffsetCommitResponseTopic[];
}

export function decodeOffsetCommitRequest(reader: Reader, version: number): OffsetCommitRequest {
  const groupId = reader.string();
  const generationId = reader.int32();
  const memberId = reader.string();
  const retentionTimeMs = version >= 2 && version <= 4 ? reader.int64() : -1;
  const topics = reader.array((r) => ({
    name: r.string(),
    partitions: r.array((p) => ({
      partitionIndex: p.int32(),
      committedOffset: p.int64(),
      committedMetadata: p.nullableString(),
    })),
  }));
  return { groupId, generationId, memberId, retentionTimeMs, topics };
}

export function encodeOffsetCommitResponse(writer: Writer, version: number, response: OffsetCommitResponse): void {
  if (version >= 3) writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitions, (pw, partition) => pw.int32(partition.partitionIndex).int16(partition.errorCode));
  });
}
