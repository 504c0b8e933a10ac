import type { BrokerState } from '../broker-state';
import type { PartitionLog } from '../log/partition-log';
import { ErrorCode } from '../protocol/error-codes';
import { decodeProduceRequest, encodeProduceResponse, type ProduceResponsePartition } from '../protocol/messages/produce';
import { InvalidBatchError, splitAndValidateBatches } from '../protocol/record-batch';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

/**
 * Validates and appends each partition's record set. The data reaches the OS before the response is sent,
 * so an acknowledged message survives a broker crash; with fsync=always it is also on disk.
 */
export function createProduceHandler(state: BrokerState): ApiHandler {
  return async ({ version, body, context }) => {
    const request = decodeProduceRequest(body, version);
    const now = Date.now();
    const touched: PartitionLog[] = [];
    const responses = request.topicData.map((topicData) => {
      const topic = state.topics.get(topicData.name);
      const partitionResponses = topicData.partitionData.map((data): ProduceResponsePartition => {
        const failed = (errorCode: ErrorCode): ProduceResponsePartition => ({
          index: data.index,
          errorCode,
          baseOffset: -1,
          logAppendTimeMs: -1,
          logStartOffset: -1,
        });
        const log = topic?.logs[data.index];
        if (!topic || !log) return failed(ErrorCode.UnknownTopicOrPartition);
        if (request.transactionalId !== null) return failed(ErrorCode.InvalidRequest);
        if (!data.records) return failed(ErrorCode.CorruptMessage);
        let result;
        try {
          result = log.append(splitAndValidateBatches(data.records, topic.settings.maxMessageBytes), now);
        } catch (error) {
          if (!(error instanceof InvalidBatchError)) throw error;
          state.logger.warn(`produce to ${topic.name}-${data.index} from ${context.clientId} refused: ${error.message}`);
          return failed(error.errorCode);
        }
        if (result.errorCode !== ErrorCode.None) {
          state.logger.debug(`produce to ${topic.name}-${data.index} refused: ${result.reason}`);
          return failed(result.errorCode);
        }
        touched.push(log);
        state.waiters.notify(topic.name, data.index);
        return { index: data.index, errorCode: ErrorCode.None, baseOffset: result.baseOffset, logAppendTimeMs: -1, logStartOffset: log.logStartOffset };
      });
      return { name: topicData.name, partitionResponses };
    });
    if (state.options.fsync === 'always') for (const log of touched) log.sync();
    if (request.acks === 0) return null;
    return encodeBody(encodeProduceResponse, version, { responses, throttleTimeMs: 0 });
  };
}
