import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { decodeFetchRequest, encodeFetchResponse, FetchResponse, FetchResponsePartition } from './fetch';
import { expectTruncationsRejected, kafkajsDecode, kafkajsLong, kafkajsParse, kafkajsRecord, kafkajsRecordBatch, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

const VERSIONS = [4, 5, 6, 7, 8, 9, 10, 11];
const T0 = 1_700_000_000_000;

describe('Fetch request', () => {
  const topics = [
    {
      topic: 'orders',
      partitions: [
        { partition: 0, fetchOffset: '12', maxBytes: 1048576, logStartOffset: 3, currentLeaderEpoch: 5 },
        { partition: 3, fetchOffset: String(2 ** 40), maxBytes: 100 },
      ],
    },
    { topic: 'audit', partitions: [{ partition: 1, fetchOffset: '0', maxBytes: 7 }] },
  ];

  it.each(VERSIONS)('v%i: reads what kafkajs sends', async (version) => {
    const body = await kafkajsRequestBody('fetch', version, {
      replicaId: -1,
      maxWaitTime: 5000,
      minBytes: 1,
      maxBytes: 10485760,
      isolationLevel: 0,
      topics,
      sessionId: 77,
      sessionEpoch: 4,
      forgottenTopics: [{ topic: 'gone', partitions: [1, 2] }],
      rackId: 'rack-a',
    });
    const request = decodeFetchRequest(new Reader(body), version);
    expect(request).toEqual({
      replicaId: -1,
      maxWaitMs: 5000,
      minBytes: 1,
      maxBytes: 10485760,
      isolationLevel: 0,
      sessionId: version >= 7 ? 77 : 0,
      sessionEpoch: version >= 7 ? 4 : -1,
      topics: [
        {
          topic: 'orders',
          partitions: [
            { partition: 0, currentLeaderEpoch: version >= 9 ? 5 : -1, fetchOffset: 12, logStartOffset: version >= 5 ? 3 : -1, partitionMaxBytes: 1048576 },
            { partition: 3, currentLeaderEpoch: -1, fetchOffset: 2 ** 40, logStartOffset: -1, partitionMaxBytes: 100 },
          ],
        },
        { topic: 'audit', partitions: [{ partition: 1, currentLeaderEpoch: -1, fetchOffset: 0, logStartOffset: -1, partitionMaxBytes: 7 }] },
      ],
      forgottenTopicsData: version >= 7 ? [{ topic: 'gone', partitions: [1, 2] }] : [],
      rackId: version >= 11 ? 'rack-a' : '',
    });
    expectTruncationsRejected(body, (b) => decodeFetchRequest(new Reader(b), version), MalformedFrameError);
  });

  it('v11: kafkajs defaults (read committed, no session, empty rack) arrive as such', async () => {
    const body = await kafkajsRequestBody('fetch', 11, { replicaId: -1, maxWaitTime: 100, minBytes: 1, maxBytes: 1000, topics });
    const request = decodeFetchRequest(new Reader(body), 11);
    expect([request.isolationLevel, request.sessionId, request.sessionEpoch, request.forgottenTopicsData, request.rackId]).toEqual([1, 0, -1, [], '']);
  });
});

describe('Fetch response', () => {
  async function batch(firstOffset: number, values: string[], headers: Record<string, string> = {}): Promise<Buffer> {
    const records = values.map((value, index) => kafkajsRecord({ key: `k${firstOffset + index}`, value, headers, offsetDelta: index, timestampDelta: index }));
    const encoded = await kafkajsRecordBatch({
      firstOffset: kafkajsLong.fromValue(firstOffset),
      records,
      firstTimestamp: T0,
      maxTimestamp: T0 + values.length - 1,
      lastOffsetDelta: values.length - 1,
    });
    return Buffer.from(encoded.buffer);
  }

  function partition(overrides: Partial<FetchResponsePartition>): FetchResponsePartition {
    return {
      partitionIndex: 0,
      errorCode: 0,
      highWatermark: 14,
      lastStableOffset: 13,
      logStartOffset: 2,
      abortedTransactions: null,
      preferredReadReplica: -1,
      records: [],
      ...overrides,
    };
  }

  function encode(version: number, response: FetchResponse): Buffer {
    const writer = new Writer();
    encodeFetchResponse(writer, version, response);
    return writer.toBuffer();
  }

  it.each(VERSIONS)('v%i: kafkajs decodes the header fields and every record of the concatenated batches', async (version) => {
    const slices = [await batch(10, ['a', 'b'], { h: 'x' }), await batch(12, ['c'])];
    const response: FetchResponse = {
      throttleTimeMs: 0,
      errorCode: 0,
      sessionId: 0,
      responses: [
        {
          topic: 'orders',
          partitions: [
            partition({ partitionIndex: 3, records: slices, abortedTransactions: [{ producerId: 2 ** 33, firstOffset: 11 }] }),
            partition({ partitionIndex: 4, highWatermark: 0, lastStableOffset: 0, logStartOffset: 0, abortedTransactions: [] }),
          ],
        },
      ],
    };
    const parsed = await kafkajsParse('fetch', version, encode(version, response));
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0].topicName).toBe('orders');
    const [full, empty] = parsed.responses[0].partitions;
    expect(full).toMatchObject({
      partition: 3,
      errorCode: 0,
      highWatermark: '14',
      lastStableOffset: '13',
      abortedTransactions: [{ producerId: String(2 ** 33), firstOffset: '11' }],
    });
    if (version >= 5) expect(full.lastStartOffset).toBe('2'); // kafkajs's (sic) name for log_start_offset
    if (version >= 11) expect(full.preferredReadReplica).toBe(-1);
    expect(
      full.messages.map((m: { offset: string; key: Buffer; value: Buffer; headers: object; timestamp: string }) => [m.offset, m.key.toString(), m.value.toString(), m.headers, m.timestamp]),
    ).toEqual([
      ['10', 'k10', 'a', { h: Buffer.from('x') }, String(T0)],
      ['11', 'k11', 'b', { h: Buffer.from('x') }, String(T0 + 1)],
      ['12', 'k12', 'c', {}, String(T0)],
    ]);
    expect(empty).toMatchObject({ partition: 4, highWatermark: '0', messages: [], abortedTransactions: [] });
  });

  it('writes records as one int32 size followed by the slices byte for byte', async () => {
    const slices = [await batch(0, ['x']), await batch(1, ['y', 'z'])];
    const body = encode(11, { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: [{ topic: 't', partitions: [partition({ records: slices })] }] });
    const joined = Buffer.concat(slices);
    expect(body.subarray(body.length - joined.length).equals(joined)).toBe(true);
    expect(body.readInt32BE(body.length - joined.length - 4)).toBe(joined.length);
    expect(body.readInt32BE(body.length - joined.length - 8)).toBe(-1); // preferred_read_replica just before
  });

  it('writes null aborted transactions as a -1 array length', () => {
    const body = encode(4, { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: [{ topic: 't', partitions: [partition({})] }] });
    // ... aborted_transactions (-1), records size (0)
    expect(body.readInt32BE(body.length - 8)).toBe(-1);
    expect(body.readInt32BE(body.length - 4)).toBe(0);
  });

  it('v7+: session error and id are visible to kafkajs; v11 throttle is client-side', async () => {
    const decoded = await kafkajsDecode('fetch', 11, encode(11, { throttleTimeMs: 3, errorCode: 0, sessionId: 99, responses: [] }));
    expect(decoded).toEqual({ throttleTime: 0, clientSideThrottleTime: 3, errorCode: 0, sessionId: 99, responses: [] });
    const v7 = await kafkajsDecode('fetch', 7, encode(7, { throttleTimeMs: 3, errorCode: 0, sessionId: 99, responses: [] }));
    expect(v7).toEqual({ throttleTime: 3, errorCode: 0, sessionId: 99, responses: [] });
  });

  it('a partition error reaches kafkajs', async () => {
    const body = encode(11, { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: [{ topic: 't', partitions: [partition({ errorCode: 1 })] }] });
    await expect(kafkajsParse('fetch', 11, body)).rejects.toMatchObject({ type: 'OFFSET_OUT_OF_RANGE' });
  });
});
