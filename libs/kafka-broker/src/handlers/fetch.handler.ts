import type { BrokerState } from '../broker-state';
import { ErrorCode } from '../protocol/error-codes';
import {
  decodeFetchRequest,
  encodeFetchResponse,
  type FetchRequest,
  type FetchResponsePartition,
  type FetchResponseTopic,
} from '../protocol/messages/fetch';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

interface Collected {
  readonly responses: FetchResponseTopic[];
  readonly bytes: number;
  readonly failed: boolean;
}

/**
 * Reads what is available now: whole batches, at least one for the first partition with data (KIP-74).
 * Each partition's answer is written as one object literal: a consumer asks for every partition it owns
 * at every fetch, most of them with nothing new, and spreading shared parts into each cost more than
 * reading the logs.
 */
function collect(state: BrokerState, request: FetchRequest): Collected {
  let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
  let bytes = 0;
  let failed = false;
  const responses = request.topics.map((topicRequest) => {
    const topic = state.topics.get(topicRequest.topic);
    const partitions = topicRequest.partitions.map((p): FetchResponsePartition => {
      const log = topic?.logs[p.partition];
      if (!log) {
        failed = true;
        return answer(p.partition, ErrorCode.UnknownTopicOrPartition, -1, -1, []);
      }
      const highWatermark = log.highWatermark;
      const logStartOffset = log.logStartOffset;
      if (p.fetchOffset === highWatermark || (budget <= 0 && bytes > 0)) return answer(p.partition, ErrorCode.None, highWatermark, logStartOffset, []);
      const read = log.read(p.fetchOffset, Math.min(p.partitionMaxBytes, budget));
      if (read.errorCode !== ErrorCode.None) {
        failed = true;
        return answer(p.partition, read.errorCode, highWatermark, logStartOffset, []);
      }
      if (!read.records) return answer(p.partition, ErrorCode.None, highWatermark, logStartOffset, []);
      bytes += read.records.length;
      budget -= read.records.length;
      return answer(p.partition, ErrorCode.None, highWatermark, logStartOffset, [read.records]);
    });
    return { topic: topicRequest.topic, partitions };
  });
  return { responses, bytes, failed };
}

/** One partition's answer; the last stable offset is the high watermark (no transactions are kept open). */
function answer(partitionIndex: number, errorCode: number, highWatermark: number, logStartOffset: number, records: Buffer[]): FetchResponsePartition {
  return {
    partitionIndex,
    errorCode,
    highWatermark,
    lastStableOffset: highWatermark,
    logStartOffset,
    abortedTransactions: null,
    preferredReadReplica: -1,
    records,
  };
}

/** Bytes on disk of the requested partitions (what has been appended since is what a waiting fetch could read). */
function requestedLogBytes(state: BrokerState, request: FetchRequest): number {
  let bytes = 0;
  for (const topicRequest of request.topics) {
    const logs = state.topics.get(topicRequest.topic)?.logs;
    for (const partition of topicRequest.partitions) bytes += logs?.[partition.partition]?.sizeBytes ?? 0;
  }
  return bytes;
}

/**
 * Fetch with long polling: answers at once when min_bytes are available (or on an error), otherwise parks
 * until a produce wakes it or max_wait runs out, and never holds a request past max_wait.
 */
export function createFetchHandler(state: BrokerState): ApiHandler {
  return async ({ version, body }) => {
    const request = decodeFetchRequest(body, version);
    const deadline = Date.now() + Math.max(0, request.maxWaitMs);
    const waited = request.topics.map((t) => ({ topic: t.topic, partitions: t.partitions.map((p) => p.partition) }));
    const minBytes = Math.max(1, request.minBytes);
    let collected = collect(state, request);
    if (!collected.failed && collected.bytes < minBytes) {
      // Woken by every produce to these partitions, the request only re-reads the logs once they grew by
      // enough to answer: a consumer asking for many bytes (a live feed) is not read again per message.
      const sizeAtStart = requestedLogBytes(state, request);
      while (!state.isStopping()) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) break;
        await state.waiters.wait(waited, remaining);
        if (collected.bytes + requestedLogBytes(state, request) - sizeAtStart >= minBytes) break;
      }
      collected = collect(state, request);
    }
    return encodeBody(encodeFetchResponse, version, {
      throttleTimeMs: 0,
      errorCode: ErrorCode.None,
      sessionId: 0,
      responses: collected.responses,
    });
  };
}
