import type { BrokerState } from '../broker-state';
import { ErrorCode } from '../protocol/error-codes';
import { decodeCreateTopicsRequest, encodeCreateTopicsResponse, type CreateTopicsRequestTopic } from '../protocol/messages/create-topics';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

function createOne(state: BrokerState, topic: CreateTopicsRequestTopic, validateOnly: boolean) {
  const { name } = topic;
  const rf = topic.replicationFactor;
  if (rf !== -1 && rf !== 1 && !(rf > 1 && state.options.clampReplicationFactor)) {
    return {
      name,
      errorCode: ErrorCode.InvalidReplicationFactor,
      errorMessage: `replication factor ${rf} needs ${rf} brokers; this single-node broker has 1 (start it with clampReplicationFactor to accept and store 1)`,
    };
  }
  const partitions =
    topic.assignments.length > 0 ? topic.assignments.length : topic.numPartitions === -1 ? state.options.defaultPartitions : topic.numPartitions;
  const configs: Record<string, string> = {};
  for (const { name: key, value } of topic.configs) if (value !== null) configs[key] = value;
  const outcome = state.topics.create(name, partitions, configs, validateOnly);
  if (outcome.errorCode === ErrorCode.None && !validateOnly) state.logger.info(`created topic ${name} with ${partitions} partitions`);
  return { name, errorCode: outcome.errorCode, errorMessage: outcome.message };
}

export function createCreateTopicsHandler(state: BrokerState): ApiHandler {
  return async ({ version, body }) => {
    const request = decodeCreateTopicsRequest(body, version);
    const topics = request.topics.map((topic) => createOne(state, topic, request.validateOnly));
    return encodeBody(encodeCreateTopicsResponse, version, { throttleTimeMs: 0, topics });
  };
}
