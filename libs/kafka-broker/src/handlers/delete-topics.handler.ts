import type { BrokerState } from '../broker-state';
import { ErrorCode } from '../protocol/error-codes';
import { decodeDeleteTopicsRequest, encodeDeleteTopicsResponse } from '../protocol/messages/delete-topics';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

/** Removes the topic's data and its committed offsets, and releases fetches parked on it. */
export function createDeleteTopicsHandler(state: BrokerState): ApiHandler {
  return async ({ version, body }) => {
    const request = decodeDeleteTopicsRequest(body, version);
    const responses = request.topicNames.map((name) => {
      const partitions = state.topics.get(name)?.partitions ?? 0;
      const outcome = state.topics.delete(name);
      if (outcome.errorCode === ErrorCode.None) {
        state.forgetTopic(name);
        for (let p = 0; p < partitions; p++) state.waiters.notify(name, p);
        state.logger.info(`deleted topic ${name}`);
      }
      return { name, errorCode: outcome.errorCode };
    });
    return encodeBody(encodeDeleteTopicsResponse, version, { throttleTimeMs: 0, responses });
  };
}
