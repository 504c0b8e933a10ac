import type { BrokerState } from '../broker-state';
import { ErrorCode } from '../protocol/error-codes';
import { decodeCreatePartitionsRequest, encodeCreatePartitionsResponse } from '../protocol/messages/create-partitions';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

/** New partitions show up in the next Metadata, so consumer groups notice and rebalance. */
export function createCreatePartitionsHandler(state: BrokerState): ApiHandler {
  return async ({ version, body }) => {
    const request = decodeCreatePartitionsRequest(body, version);
    const results = request.topics.map(({ name, count }) => {
      const outcome = state.topics.addPartitions(name, count, request.validateOnly);
      if (outcome.errorCode === ErrorCode.None && !request.validateOnly) state.logger.info(`topic ${name} now has ${count} partitions`);
      return { name, errorCode: outcome.errorCode, errorMessage: outcome.message };
    });
    return encodeBody(encodeCreatePartitionsResponse, version, { throttleTimeMs: 0, results });
  };
}
