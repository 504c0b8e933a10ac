import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import {
  expectTruncationsRejected,
  kafkajsDecode,
  kafkajsLong,
  kafkajsParse,
  kafkajsRecord,
  kafkajsRecordBatch,
  kafkajsRecordBatchDecoder,
  kafkajsRequestBody,
  KafkajsDecoder,
  KafkajsEncoder,
} from './kafkajs-oracle.spec-helper';
import { decodeProduceRequest, encodeProduceResponse, ProduceResponse } from './produce';

const VERSIONS = [3, 4, 5, 6, 7];
const T0 = 1_700_000_000_000;

const messages = [
  { key: Buffer.from('k1'), value: Buffer.from('v1'), timestamp: T0, headers: { trace: 'abc', dup: ['x', 'y'] } },
  { key: null, value: Buffer.from('hồ sơ'), timestamp: T0 + 5, headers: {} },
];

/** The batch kafkajs's producer puts in the request, rebuilt directly with its recordBatch/v0 encoder. */
async function expectedBatch(options: { producerId?: number; producerEpoch?: number; firstSequence?: number; transactional?: boolean }): Promise<Buffer> {
  const records = messages.map((message, index) => kafkajsRecord({ ...message, offsetDelta: index, timestampDelta: message.timestamp - T0 }));
  const batch = await kafkajsRecordBatch({
    records,
    firstTimestamp: T0,
    maxTimestamp: T0 + 5,
    lastOffsetDelta: records.length - 1,
    producerId: kafkajsLong.fromValue(options.producerId ?? -1),
    producerEpoch: options.producerEpoch ?? 0,
    firstSequence: options.firstSequence ?? 0,
    transactional: options.transactional ?? false,
  });
  return Buffer.from(batch.buffer);
}

async function decodedRecords(batch: Buffer) {
  const decoded = await kafkajsRecordBatchDecoder(new KafkajsDecoder(batch));
  return decoded.records.map((r: { key: Buffer | null; value: Buffer; headers: Record<string, unknown>; offset: string; timestamp: string }) => ({
    key: r.key?.toString() ?? null,
    value: r.value.toString(),
    headers: r.headers,
    offset: r.offset,
    timestamp: r.timestamp,
  }));
}

describe('Produce request', () => {
  it.each(VERSIONS)('v%i: reads acks, timeout, topics and keeps the record batch byte-exact', async (version) => {
    const body = await kafkajsRequestBody('produce', version, {
      acks: -1,
      timeout: 30000,
      topicData: [
        { topic: 'orders', partitions: [{ partition: 2, messages }] },
        { topic: 'audit', partitions: [{ partition: 0, messages: messages.slice(0, 1) }] },
      ],
    });
    const request = decodeProduceRequest(new Reader(body), version);
    expect(request.transactionalId).toBeNull();
    expect(request.acks).toBe(-1);
    expect(request.timeoutMs).toBe(30000);
    expect(request.topicData.map((t) => [t.name, t.partitionData.map((p) => p.index)])).toEqual([
      ['orders', [2]],
      ['audit', [0]],
    ]);
    const records = request.topicData[0].partitionData[0].records!;
    expect(records.equals(await expectedBatch({}))).toBe(true);
    expect(await decodedRecords(records)).toEqual([
      { key: 'k1', value: 'v1', headers: { trace: Buffer.from('abc'), dup: [Buffer.from('x'), Buffer.from('y')] }, offset: '0', timestamp: String(T0) },
      { key: null, value: 'hồ sơ', headers: {}, offset: '1', timestamp: String(T0 + 5) },
    ]);
    expectTruncationsRejected(body, (b) => decodeProduceRequest(new Reader(b), version), MalformedFrameError);
  });

  it('v7: reads a transactional, idempotent producer request (transactional id, pid, sequence in the batch)', async () => {
    const body = await kafkajsRequestBody('produce', 7, {
      acks: 1,
      timeout: 100,
      transactionalId: 'tx-1',
      producerId: kafkajsLong.fromValue(4242),
      producerEpoch: 3,
      topicData: [{ topic: 't', partitions: [{ partition: 0, firstSequence: 17, messages }] }],
    });
    const request = decodeProduceRequest(new Reader(body), 7);
    expect([request.transactionalId, request.acks, request.timeoutMs]).toEqual(['tx-1', 1, 100]);
    const records = request.topicData[0].partitionData[0].records!;
    expect(records.equals(await expectedBatch({ producerId: 4242, producerEpoch: 3, firstSequence: 17, transactional: true }))).toBe(true);
    expect(records.readBigInt64BE(43)).toBe(4242n); // producerId at its RecordBatch v2 offset
    expect(records.readInt32BE(53)).toBe(17); // baseSequence
  });

  it('v3: reads acks=0 (no response expected by kafkajs)', async () => {
    const body = await kafkajsRequestBody('produce', 3, { acks: 0, timeout: 5, topicData: [{ topic: 't', partitions: [{ partition: 0, messages }] }] });
    expect(decodeProduceRequest(new Reader(body), 3).acks).toBe(0);
  });

  it('reads null records as null', () => {
    const body = new KafkajsEncoder().writeString(null).writeInt16(1).writeInt32(10).writeInt32(1).writeString('t').writeInt32(1).writeInt32(0).writeInt32(-1).buffer;
    expect(decodeProduceRequest(new Reader(body), 3).topicData[0].partitionData[0].records).toBeNull();
  });

  it('rejects a records length running past the frame', () => {
    const body = new Writer().nullableString(null).int16(1).int32(10).int32(1).string('t').int32(1).int32(0).int32(100).raw(Buffer.alloc(10)).toBuffer();
    expect(() => decodeProduceRequest(new Reader(body), 3)).toThrow(MalformedFrameError);
  });
});

describe('Produce response', () => {
  const response: ProduceResponse = {
    responses: [
      {
        name: 'orders',
        partitionResponses: [
          { index: 2, errorCode: 0, baseOffset: 2 ** 40 + 3, logAppendTimeMs: -1, logStartOffset: 7 },
          { index: 3, errorCode: 0, baseOffset: 0, logAppendTimeMs: T0, logStartOffset: 0 },
        ],
      },
    ],
    throttleTimeMs: 11,
  };

  function encode(version: number, value: ProduceResponse = response): Buffer {
    const writer = new Writer();
    encodeProduceResponse(writer, version, value);
    return writer.toBuffer();
  }

  it.each(VERSIONS)('v%i: kafkajs sees offsets, append time, log start (v5+) and a trailing throttle', async (version) => {
    const parsed = await kafkajsParse('produce', version, encode(version));
    const withStart = (start: string) => (version >= 5 ? { logStartOffset: start } : {});
    expect(parsed.topics).toEqual([
      {
        topicName: 'orders',
        partitions: [
          { partition: 2, errorCode: 0, baseOffset: String(2 ** 40 + 3), logAppendTime: '-1', ...withStart('7') },
          { partition: 3, errorCode: 0, baseOffset: '0', logAppendTime: String(T0), ...withStart('0') },
        ],
      },
    ]);
    const throttle = version >= 6 ? [parsed.throttleTime, parsed.clientSideThrottleTime] : [parsed.throttleTime];
    expect(throttle).toEqual(version >= 6 ? [0, 11] : [11]);
  });

  it('puts throttle_time_ms after the topic array', () => {
    const body = encode(7);
    expect(body.readInt32BE(body.length - 4)).toBe(11);
    expect(body.readInt32BE(0)).toBe(1); // starts with the topic count, not the throttle
  });

  it('a partition error reaches kafkajs', async () => {
    const failing = { ...response, responses: [{ name: 't', partitionResponses: [{ ...response.responses[0].partitionResponses[0], errorCode: 45 }] }] };
    await expect(kafkajsParse('produce', 7, encode(7, failing))).rejects.toMatchObject({ type: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
  });

  it('an empty response is just the empty array and the throttle', async () => {
    expect(await kafkajsDecode('produce', 3, encode(3, { responses: [], throttleTimeMs: 0 }))).toEqual({ topics: [], throttleTime: 0 });
  });
});
