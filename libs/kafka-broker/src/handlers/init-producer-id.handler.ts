import type { BrokerState } from '../broker-state';
import { ErrorCode } from '../protocol/error-codes';
import { decodeInitProducerIdRequest, encodeInitProducerIdResponse } from '../protocol/messages/init-producer-id';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

/** Idempotent producers get a fresh id at epoch 0. Transactions are not supported and are refused. */
export function createInitProducerIdHandler(state: BrokerState): ApiHandler {
  return async ({ version, body, context }) => {
    const request = decodeInitProducerIdRequest(body, version);
    if (request.transactionalId !== null) {
      state.logger.warn(`refused transactional producer "${request.transactionalId}" from ${context.clientId}: transactions are not supported`);
      return encodeBody(encodeInitProducerIdResponse, version, { throttleTimeMs: 0, errorCode: ErrorCode.InvalidRequest, producerId: -1, producerEpoch: -1 });
    }
    const producerId = state.producerIds.allocate();
    return encodeBody(encodeInitProducerIdResponse, version, { throttleTimeMs: 0, errorCode: ErrorCode.None, producerId, producerEpoch: 0 });
  };
}
