import { Reader } from '../reader';
import { Writer } from '../writer';

/** Metadata v1–6 (Apache Kafka MetadataRequest.json / MetadataResponse.json; flexible from v9). */
export interface MetadataRequest {
  /** null = all topics (v1+). kafkajs sends null for an empty list. */
  topics: Array<{ name: string }> | null;
  /** v4+; earlier versions imply true (creation then only depends on broker config). */
  allowAutoTopicCreation: boolean;
}

export interface MetadataResponseBroker {
  nodeId: number;
  host: string;
  port: number;
  /** v1+. */
  rack: string | null;
}

export interface MetadataResponsePartition {
  errorCode: number;
  partitionIndex: number;
  leaderId: number;
  replicaNodes: number[];
  isrNodes: number[];
  /** v5+. */
  offlineReplicas: number[];
}

export interface MetadataResponseTopic {
  errorCode: number;
  name: string;
  /** v1+. */
  isInternal: boolean;
  partitions: MetadataResponsePartition[];
}

export interface MetadataResponse {
  /** v3+. */
  throttleTimeMs: number;
  brokers: MetadataResponseBroker[];
  /** v2+. */
  clusterId: string | null;
  /** v1+. Must name an advertised broker: kafkajs routes admin calls and InitProducerId to it. */
  controllerId: number;
  topics: MetadataResponseTopic[];
}

export function decodeMetadataRequest(reader: Reader, version: number): MetadataRequest {
  const readTopic = (r: Reader) => ({ name: r.string() });
  // v0 had no null; an empty v0 list meant "all". We only serve v1+, where null means all.
  const topics = version >= 1 ? reader.nullableArray(readTopic) : reader.array(readTopic);
  const allowAutoTopicCreation = version >= 4 ? reader.boolean() : true;
  return { topics, allowAutoTopicCreation };
}

export function encodeMetadataResponse(writer: Writer, version: number, response: MetadataResponse): void {
  if (version >= 3) writer.int32(response.throttleTimeMs);
  writer.array(response.brokers, (w, broker) => {
    w.int32(broker.nodeId).string(broker.host).int32(broker.port);
    if (version >= 1) w.nullableString(broker.rack);
  });
  if (version >= 2) writer.nullableString(response.clusterId);
  if (version >= 1) writer.int32(response.controllerId);
  writer.array(response.topics, (w, topic) => {
    w.int16(topic.errorCode).string(topic.name);
    if (version >= 1) w.boolean(topic.isInternal);
    w.array(topic.partitions, (pw, partition) => {
      pw.int16(partition.errorCode).int32(partition.partitionIndex).int32(partition.leaderId);
      pw.array(partition.replicaNodes, writeInt32).array(partition.isrNodes, writeInt32);
      if (version >= 5) pw.array(partition.offlineReplicas, writeInt32);
    });
  });
}

function writeInt32(writer: Writer, value: number): void {
  writer.int32(value);
}
