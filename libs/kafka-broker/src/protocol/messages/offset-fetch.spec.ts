import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';
import { decodeOffsetFetchRequest, encodeOffsetFetchResponse, type OffsetFetchResponse } from './offset-fetch';

const VERSIONS = [1, 2, 3, 4];

describe('OffsetFetch codec against kafkajs', () => {
  it.each(VERSIONS)('v%i request with topics', async (version) => {
    const body = await kafkajsRequestBody('offsetFetch', version, {
      groupId: 'g',
      topics: [{ topic: 'orders', partitions: [{ partition: 0 }, { partition: 3 }] }],
    });
    expect(decodeOffsetFetchRequest(new Reader(body), version)).toEqual({
      groupId: 'g',
      topics: [{ name: 'orders', partitionIndexes: [0, 3] }],
    });
    expectTruncationsRejected(body, (b) => decodeOffsetFetchRequest(new Reader(b), version), MalformedFrameError);
  });

  it.each([3, 4])('v%i: kafkajs sends null for "all topics" and we keep it null', async (version) => {
    const body = await kafkajsRequestBody('offsetFetch', version, { groupId: 'g', topics: [] });
    expect(decodeOffsetFetchRequest(new Reader(body), version)).toEqual({ groupId: 'g', topics: null });
  });

  it('v2 accepts a null array (Kafka made it nullable at v2)', () => {
    const body = new Writer().string('g').int32(-1).toBuffer();
    expect(decodeOffsetFetchRequest(new Reader(body), 2).topics).toBeNull();
  });

  const response: OffsetFetchResponse = {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [
      {
        name: 'orders',
        partitions: [
          { partitionIndex: 0, committedOffset: 42, committedMetadata: 'note', errorCode: 0 },
          { partitionIndex: 3, committedOffset: -1, committedMetadata: '', errorCode: 0 },
        ],
      },
    ],
  };

  it.each(VERSIONS)('v%i response', async (version) => {
    const writer = new Writer();
    encodeOffsetFetchResponse(writer, version, response);
    const parsed = await kafkajsParse('offsetFetch', version, writer.toBuffer());
    expect(parsed.responses).toEqual([
      {
        topic: 'orders',
        partitions: [
          { partition: 0, offset: '42', metadata: 'note', errorCode: 0 },
          { partition: 3, offset: '-1', metadata: '', errorCode: 0 },
        ],
      },
    ]);
    if (version >= 2) expect(parsed.errorCode).toBe(0);
  });

  it.each([2, 3, 4])('v%i group-level error reaches kafkajs', async (version) => {
    const writer = new Writer();
    encodeOffsetFetchResponse(writer, version, { throttleTimeMs: 0, errorCode: 15, topics: [] });
    await expect(kafkajsParse('offsetFetch', version, writer.toBuffer())).rejects.toMatchObject({ retriable: true });
  });
});
