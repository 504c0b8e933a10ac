import { Reader } from '../reader';
import { Writer } from '../writer';

/** Produce v3–7 (Apache Kafka ProduceRequest.json / ProduceResponse.json; flexible from v9). */
export interface ProduceRequestPartition {
  index: number;
  /**
   * The record batches exactly as received (a view into the request frame; copy before keeping it past the
   * frame's lifetime). Never parsed here: the broker stores batches as sent.
   */
  records: Buffer | null;
}

export interface ProduceRequestTopic {
  name: string;
  partitionData: ProduceRequestPartition[];
}

export interface ProduceRequest {
  /** v3+. */
  transactionalId: string | null;
  /** 0 = no response at all, 1 = leader, -1 = all in-sync replicas. */
  acks: number;
  timeoutMs: number;
  topicData: ProduceRequestTopic[];
}

export interface ProduceResponsePartition {
  index: number;
  errorCode: number;
  baseOffset: number;
  /** v2+; -1 unless the topic uses LogAppendTime. */
  logAppendTimeMs: number;
  /** v5+. */
  logStartOffset: number;
}

export interface ProduceResponseTopic {
  name: string;
  partitionResponses: ProduceResponsePartition[];
}

export interface ProduceResponse {
  responses: ProduceResponseTopic[];
  /** v1+; unlike most APIs it comes last. */
  throttleTimeMs: number;
}

export function decodeProduceRequest(reader: Reader, version: number): ProduceRequest {
  const transactionalId = version >= 3 ? reader.nullableString() : null;
  const acks = reader.int16();
  const timeoutMs = reader.int32();
  const topicData = reader.array((topic) => ({
    name: topic.string(),
    partitionData: topic.array((partition) => ({ index: partition.int32(), records: partition.nullableBytes() })),
  }));
  return { transactionalId, acks, timeoutMs, topicData };
}

export function encodeProduceResponse(writer: Writer, version: number, response: ProduceResponse): void {
  writer.array(response.responses, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitionResponses, (pw, partition) => {
      pw.int32(partition.index).int16(partition.errorCode).int64(partition.baseOffset);
      if (version >= 2) pw.int64(partition.logAppendTimeMs);
      if (version >= 5) pw.int64(partition.logStartOffset);
    });
  });
  if (version >= 1) writer.int32(response.throttleTimeMs);
}
