import type { BrokerState } from '../broker-state';
import { ErrorCode } from '../protocol/error-codes';
import {
  decodeListOffsetsRequest,
  EARLIEST_TIMESTAMP,
  encodeListOffsetsResponse,
  LATEST_TIMESTAMP,
  type ListOffsetsResponsePartition,
} from '../protocol/messages/list-offsets';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

/** Latest (-1), earliest (-2), or the first offset at or after a timestamp (batch precision). */
export function createListOffsetsHandler(state: BrokerState): ApiHandler {
  return async ({ version, body }) => {
    const request = decodeListOffsetsRequest(body, version);
    const topics = request.topics.map((topicRequest) => ({
      name: topicRequest.name,
      partitions: topicRequest.partitions.map(({ partitionIndex, timestamp }): ListOffsetsResponsePartition => {
        const log = state.topics.partition(topicRequest.name, partitionIndex);
        if (!log) return { partitionIndex, errorCode: ErrorCode.UnknownTopicOrPartition, timestamp: -1, offset: -1 };
        if (timestamp === LATEST_TIMESTAMP) return { partitionIndex, errorCode: ErrorCode.None, timestamp: -1, offset: log.highWatermark };
        if (timestamp === EARLIEST_TIMESTAMP) return { partitionIndex, errorCode: ErrorCode.None, timestamp: -1, offset: log.logStartOffset };
        const found = log.offsetForTimestamp(timestamp);
        return { partitionIndex, errorCode: ErrorCode.None, ...found };
      }),
    }));
    return encodeBody(encodeListOffsetsResponse, version, { throttleTimeMs: 0, topics });
  };
}
