import type { BrokerState } from '../broker-state';
import { KNOWN_TOPIC_CONFIGS, type TopicSettings } from '../log/topic-config';
import { ErrorCode } from '../protocol/error-codes';
import {
  ConfigResourceType,
  ConfigSource,
  decodeDescribeConfigsRequest,
  encodeDescribeConfigsResponse,
  type DescribeConfigsRequestResource,
  type DescribeConfigsResponseConfig,
  type DescribeConfigsResponseResult,
} from '../protocol/messages/describe-configs';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

const SETTING_OF: Record<string, keyof TopicSettings> = {
  'retention.ms': 'retentionMs',
  'retention.bytes': 'retentionBytes',
  'segment.bytes': 'segmentBytes',
  'segment.ms': 'segmentMs',
  'max.message.bytes': 'maxMessageBytes',
};

function entry(name: string, value: string, configSource: number): DescribeConfigsResponseConfig {
  return { name, value, readOnly: false, configSource, isSensitive: false, synonyms: [] };
}

function describeTopic(state: BrokerState, resource: DescribeConfigsRequestResource): DescribeConfigsResponseResult {
  const base = { resourceType: resource.resourceType, resourceName: resource.resourceName };
  const topic = state.topics.get(resource.resourceName);
  if (!topic) return { ...base, errorCode: ErrorCode.UnknownTopicOrPartition, errorMessage: `topic ${resource.resourceName} does not exist`, configs: [] };
  const configs = new Map<string, DescribeConfigsResponseConfig>();
  for (const name of KNOWN_TOPIC_CONFIGS) configs.set(name, entry(name, String(topic.settings[SETTING_OF[name]]), ConfigSource.DefaultConfig));
  for (const [name, value] of Object.entries(topic.configs)) configs.set(name, entry(name, value, ConfigSource.DynamicTopicConfig));
  const wanted = resource.configurationKeys;
  const selected = [...configs.values()].filter((config) => !wanted || wanted.length === 0 || wanted.includes(config.name));
  return { ...base, errorCode: ErrorCode.None, errorMessage: null, configs: selected };
}

function describeBroker(state: BrokerState, resource: DescribeConfigsRequestResource): DescribeConfigsResponseResult {
  const { options } = state;
  const configs = [
    entry('auto.create.topics.enable', String(options.autoCreateTopics), ConfigSource.StaticBrokerConfig),
    entry('num.partitions', String(options.defaultPartitions), ConfigSource.StaticBrokerConfig),
    entry('log.retention.ms', String(options.retentionMs), ConfigSource.StaticBrokerConfig),
    entry('log.retention.bytes', String(options.retentionBytes), ConfigSource.StaticBrokerConfig),
    entry('log.segment.bytes', String(options.segmentBytes), ConfigSource.StaticBrokerConfig),
    entry('group.min.session.timeout.ms', String(options.minSessionTimeoutMs), ConfigSource.StaticBrokerConfig),
    entry('group.initial.rebalance.delay.ms', String(options.initialRebalanceDelayMs), ConfigSource.StaticBrokerConfig),
  ].filter((config) => !resource.configurationKeys?.length || resource.configurationKeys.includes(config.name));
  return { resourceType: resource.resourceType, resourceName: resource.resourceName, errorCode: ErrorCode.None, errorMessage: null, configs };
}

export function createDescribeConfigsHandler(state: BrokerState): ApiHandler {
  return async ({ version, body }) => {
    const request = decodeDescribeConfigsRequest(body, version);
    const results = request.resources.map((resource) => {
      if (resource.resourceType === ConfigResourceType.Topic) return describeTopic(state, resource);
      if (resource.resourceType === ConfigResourceType.Broker) return describeBroker(state, resource);
      return {
        resourceType: resource.resourceType,
        resourceName: resource.resourceName,
        errorCode: ErrorCode.InvalidRequest,
        errorMessage: `resource type ${resource.resourceType} is not supported`,
        configs: [],
      };
    });
    return encodeBody(encodeDescribeConfigsResponse, version, { throttleTimeMs: 0, results });
  };
}
