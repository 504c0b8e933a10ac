import type { BrokerState } from '../broker-state';
import { ApiKey } from '../protocol/api-keys';
import type { ApiHandlers } from '../server/api-handler';
import { handleApiVersions } from './api-versions.handler';
import { createCreatePartitionsHandler } from './create-partitions.handler';
import { createCreateTopicsHandler } from './create-topics.handler';
import { createDeleteTopicsHandler } from './delete-topics.handler';
import { createDescribeConfigsHandler } from './describe-configs.handler';
import { createFetchHandler } from './fetch.handler';
import { createInitProducerIdHandler } from './init-producer-id.handler';
import { createListOffsetsHandler } from './list-offsets.handler';
import { createMetadataHandler } from './metadata.handler';
import { createProduceHandler } from './produce.handler';

/** Every API except the consumer-group ones, which the group coordinator serves. */
export function createApiHandlers(state: BrokerState): ApiHandlers {
  return {
    [ApiKey.ApiVersions]: handleApiVersions,
    [ApiKey.Metadata]: createMetadataHandler(state),
    [ApiKey.Produce]: createProduceHandler(state),
    [ApiKey.Fetch]: createFetchHandler(state),
    [ApiKey.ListOffsets]: createListOffsetsHandler(state),
    [ApiKey.CreateTopics]: createCreateTopicsHandler(state),
    [ApiKey.DeleteTopics]: createDeleteTopicsHandler(state),
    [ApiKey.CreatePartitions]: createCreatePartitionsHandler(state),
    [ApiKey.DescribeConfigs]: createDescribeConfigsHandler(state),
    [ApiKey.InitProducerId]: createInitProducerIdHandler(state),
  };
}
