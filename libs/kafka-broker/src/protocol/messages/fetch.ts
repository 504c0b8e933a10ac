import { Reader } from '../reader';
import { Writer } from '../writer';

/** Fetch v4–11 (Apache Kafka FetchRequest.json / FetchResponse.json; flexible from v12). */
export interface FetchRequestPartition {
  partition: number;
  /** v9+; -1 when unknown. */
  currentLeaderEpoch: number;
  fetchOffset: number;
  /** v5+; only meaningful from followers, -1 from consumers. */
  logStartOffset: number;
  partitionMaxBytes: number;
}

export interface FetchRequestTopic {
  topic: string;
  partitions: FetchRequestPartition[];
}

export interface FetchRequest {
  replicaId: number;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  /** v4+: 0 = read uncommitted, 1 = read committed (kafkajs's default). */
  isolationLevel: number;
  /** v7+ (KIP-227 fetch sessions); 0 / -1 = no session, which is all kafkajs ever sends. */
  sessionId: number;
  sessionEpoch: number;
  topics: FetchRequestTopic[];
  /** v7+. */
  forgottenTopicsData: Array<{ topic: string; partitions: number[] }>;
  /** v11+. */
  rackId: string;
}

export interface FetchResponseAbortedTransaction {
  producerId: number;
  firstOffset: number;
}

export interface FetchResponsePartition {
  partitionIndex: number;
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  /** v5+. */
  logStartOffset: number;
  /** null or empty when none (encoded as given: null → -1). */
  abortedTransactions: FetchResponseAbortedTransaction[] | null;
  /** v11+; -1 = fetch from the leader. */
  preferredReadReplica: number;
  /**
   * Whole stored record batches, written back to back under one int32 size. A list of slices so the
   * caller can hand over views of its segments without concatenating them first.
   */
  records: Buffer[];
}

export interface FetchResponseTopic {
  topic: string;
  partitions: FetchResponsePartition[];
}

export interface FetchResponse {
  throttleTimeMs: number;
  /** v7+: top-level (session) error. */
  errorCode: number;
  /** v7+. */
  sessionId: number;
  responses: FetchResponseTopic[];
}

export function decodeFetchRequest(reader: Reader, version: number): FetchRequest {
  const replicaId = reader.int32();
  const maxWaitMs = reader.int32();
  const minBytes = reader.int32();
  const maxBytes = reader.int32();
  const isolationLevel = version >= 4 ? reader.int8() : 0;
  const sessionId = version >= 7 ? reader.int32() : 0;
  const sessionEpoch = version >= 7 ? reader.int32() : -1;
  const topics = reader.array((topic) => ({
    topic: topic.string(),
    partitions: topic.array((p) => ({
      partition: p.int32(),
      currentLeaderEpoch: version >= 9 ? p.int32() : -1,
      fetchOffset: p.int64(),
      logStartOffset: version >= 5 ? p.int64() : -1,
      partitionMaxBytes: p.int32(),
    })),
  }));
  const forgottenTopicsData =
    version >= 7 ? reader.array((topic) => ({ topic: topic.string(), partitions: topic.array((p) => p.int32()) })) : [];
  const rackId = version >= 11 ? reader.string() : '';
  return { replicaId, maxWaitMs, minBytes, maxBytes, isolationLevel, sessionId, sessionEpoch, topics, forgottenTopicsData, rackId };
}

export function encodeFetchResponse(writer: Writer, version: number, response: FetchResponse): void {
  writer.int32(response.throttleTimeMs);
  if (version >= 7) writer.int16(response.errorCode).int32(response.sessionId);
  writer.array(response.responses, (w, topic) => {
    w.string(topic.topic);
    w.array(topic.partitions, (pw, partition) => {
      pw.int32(partition.partitionIndex).int16(partition.errorCode).int64(partition.highWatermark);
      if (version >= 4) pw.int64(partition.lastStableOffset);
      if (version >= 5) pw.int64(partition.logStartOffset);
      if (version >= 4) pw.nullableArray(partition.abortedTransactions, (aw, aborted) => aw.int64(aborted.producerId).int64(aborted.firstOffset));
      if (version >= 11) pw.int32(partition.preferredReadReplica);
      let size = 0;
      for (const slice of partition.records) size += slice.length;
      pw.int32(size);
      for (const slice of partition.records) pw.raw(slice);
    });
  });
}
