import { CLUSTER_ID, type BrokerState } from '../broker-state';
import type { Topic } from '../log/topic-store';
import { ErrorCode } from '../protocol/error-codes';
import { decodeMetadataRequest, encodeMetadataResponse, type MetadataResponseTopic } from '../protocol/messages/metadata';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

function describe(topic: Topic, nodeId: number): MetadataResponseTopic {
  return {
    errorCode: ErrorCode.None,
    name: topic.name,
    isInternal: false,
    partitions: topic.logs.map((_, partitionIndex) => ({
      errorCode: ErrorCode.None,
      partitionIndex,
      leaderId: nodeId,
      replicaNodes: [nodeId],
      isrNodes: [nodeId],
      offlineReplicas: [],
    })),
  };
}

/**
 * Metadata names this node as the only broker and the controller (kafkajs sends admin requests and
 * InitProducerId to the controller). Unknown topics are created at once when both the request and the
 * broker allow it, so a client sees their partitions in the same answer.
 */
export function createMetadataHandler(state: BrokerState): ApiHandler {
  return async ({ version, body, context }) => {
    const request = decodeMetadataRequest(body, version);
    const node = state.node();
    const topics: MetadataResponseTopic[] = [];
    if (request.topics === null) {
      for (const topic of state.topics.all()) topics.push(describe(topic, node.nodeId));
    } else {
      for (const { name } of request.topics) {
        let topic = state.topics.get(name);
        if (!topic && request.allowAutoTopicCreation && state.options.autoCreateTopics) {
          const outcome = state.topics.create(name, state.options.defaultPartitions, {});
          if (outcome.errorCode === ErrorCode.None) {
            state.logger.info(`auto-created topic ${name} (${state.options.defaultPartitions} partitions) for ${context.clientId}`);
          }
          topic = state.topics.get(name);
          if (!topic) {
            topics.push({ errorCode: outcome.errorCode, name, isInternal: false, partitions: [] });
            continue;
          }
        }
        topics.push(topic ? describe(topic, node.nodeId) : { errorCode: ErrorCode.UnknownTopicOrPartition, name, isInternal: false, partitions: [] });
      }
    }
    return encodeBody(encodeMetadataResponse, version, {
      throttleTimeMs: 0,
      brokers: [{ nodeId: node.nodeId, host: node.host, port: node.port, rack: null }],
      clusterId: CLUSTER_ID,
      controllerId: node.nodeId,
      topics,
    });
  };
}
