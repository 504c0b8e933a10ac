/** Kafka API keys this broker knows (numbers from the Apache Kafka protocol). */
export enum ApiKey {
  Produce = 0,
  Fetch = 1,
  ListOffsets = 2,
  Metadata = 3,
  OffsetCommit = 8,
  OffsetFetch = 9,
  FindCoordinator = 10,
  JoinGroup = 11,
  Heartbeat = 12,
  LeaveGroup = 13,
  SyncGroup = 14,
  DescribeGroups = 15,
  ListGroups = 16,
  ApiVersions = 18,
  CreateTopics = 19,
  DeleteTopics = 20,
  InitProducerId = 22,
  DescribeConfigs = 32,
  CreatePartitions = 37,
  DeleteGroups = 42,
}

/**
 * Versions advertised in ApiVersions: kafkajs 2.2.4's maximum for each (so it runs the code path it runs
 * against Apache Kafka), never a flexible version (see docs/kafka-broker.md).
 */
export const SUPPORTED_VERSIONS: Readonly<Record<ApiKey, readonly [min: number, max: number]>> = {
  [ApiKey.Produce]: [3, 7],
  [ApiKey.Fetch]: [4, 11],
  [ApiKey.ListOffsets]: [1, 3],
  [ApiKey.Metadata]: [1, 6],
  [ApiKey.OffsetCommit]: [2, 5],
  [ApiKey.OffsetFetch]: [1, 4],
  [ApiKey.FindCoordinator]: [0, 2],
  [ApiKey.JoinGroup]: [0, 5],
  [ApiKey.Heartbeat]: [0, 3],
  [ApiKey.LeaveGroup]: [0, 3],
  [ApiKey.SyncGroup]: [0, 3],
  [ApiKey.DescribeGroups]: [0, 2],
  [ApiKey.ListGroups]: [0, 2],
  [ApiKey.ApiVersions]: [0, 2],
  [ApiKey.CreateTopics]: [0, 3],
  [ApiKey.DeleteTopics]: [0, 1],
  [ApiKey.InitProducerId]: [0, 1],
  [ApiKey.DescribeConfigs]: [0, 2],
  [ApiKey.CreatePartitions]: [0, 1],
  [ApiKey.DeleteGroups]: [0, 1],
};

export function isSupported(apiKey: number, version: number): boolean {
  const range = SUPPORTED_VERSIONS[apiKey as ApiKey];
  return range !== undefined && version >= range[0] && version <= range[1];
}
