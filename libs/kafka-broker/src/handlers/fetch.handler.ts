import type { BrokerState } from '../broker-state';
import { DataWaiters } from '../log/data-waiters';
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

/** Reads what is available now: whole batches, at least one for the first partition with data (KIP-74). */
function collect(state: BrokerState, request: FetchRequest): Collected {
  let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
  let bytes = 0;
  let failed = false;
  const responses = request.topics.map((topicRequest) => {
    const topic = state.topics.get(topicRequest.topic);
    const partitions = topicRequest.partitions.map((p): FetchResponsePartition => {
      const log = topic?.logs[p.partition];
      const base = { partitionIndex: p.partition, abortedTransactions: null, preferredReadReplica: -1, records: [] as Buffer[] };
      if (!log) {
        failed = true;
        return { ...base, errorCode: ErrorCode.UnknownTopicOrPartition, highWatermark: -1, lastStableOffset: -1, logStartOffset: -1 };
      }
      const marks = { highWatermark: log.highWatermark, lastStableOffset: log.highWatermark, logStartOffset: log.logStartOffset };
      if (budget <= 0 && bytes > 0) return { ...base, ...marks, errorCode: ErrorCode.None };
      const read = log.read(p.fetchOffset, Math.min(p.partitionMaxBytes, budget));
      if (read.errorCode !== ErrorCode.None) {
        failed = true;
        return { ...base, ...marks, errorCode: read.errorCode };
      }
      if (!read.records) return { ...base, ...marks, errorCode: ErrorCode.None };
      bytes += read.records.length;
      budget -= read.records.length;
      return { ...base, ...marks, errorCode: ErrorCode.None, records: [read.records] };
    });
    return { topic: topicRequest.topic, partitions };
  });
  return { responses, bytes, failed };
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
    const keys = request.topics.flatMap((t) => t.partitions.map((p) => DataWaiters.key(t.topic, p.partition)));
    const minBytes = Math.max(1, request.minBytes);
    let collected = collect(state, request);
    if (!collected.failed && collected.bytes < minBytes) {
      // Woken by every produce to these partitions, the request only re-reads the logs once they grew by
      // enough to answer: a consumer asking for many bytes (a live feed) is not read again per message.
      const sizeAtStart = requestedLogBytes(state, request);
      while (!state.isStopping()) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) break;
        await state.waiters.wait(keys, remaining);
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
