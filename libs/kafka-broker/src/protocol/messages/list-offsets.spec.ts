import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { expectTruncationsRejected, kafkajsDecode, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';
import { decodeListOffsetsRequest, encodeListOffsetsResponse, ListOffsetsResponse } from './list-offsets';

const VERSIONS = [1, 2, 3];

describe('ListOffsets request', () => {
  it.each(VERSIONS)('v%i: reads replica, isolation (v2+) and per-partition timestamps', async (version) => {
    const body = await kafkajsRequestBody('listOffsets', version, {
      replicaId: -1,
      isolationLevel: 1,
      topics: [
        { topic: 'orders', partitions: [{ partition: 0, timestamp: -1 }, { partition: 1, timestamp: -2 }] },
        { topic: 'audit', partitions: [{ partition: 2, timestamp: 1_700_000_000_000 }, { partition: 3 }] },
      ],
    });
    expect(decodeListOffsetsRequest(new Reader(body), version)).toEqual({
      replicaId: -1,
      isolationLevel: version >= 2 ? 1 : 0,
      topics: [
        { name: 'orders', partitions: [{ partitionIndex: 0, timestamp: -1 }, { partitionIndex: 1, timestamp: -2 }] },
        { name: 'audit', partitions: [{ partitionIndex: 2, timestamp: 1_700_000_000_000 }, { partitionIndex: 3, timestamp: -1 }] },
      ],
    });
    expectTruncationsRejected(body, (b) => decodeListOffsetsRequest(new Reader(b), version), MalformedFrameError);
  });
});

describe('ListOffsets response', () => {
  const response: ListOffsetsResponse = {
    throttleTimeMs: 4,
    topics: [
      {
        name: 'orders',
        partitions: [
          { partitionIndex: 0, errorCode: 0, timestamp: -1, offset: 2 ** 42 },
          { partitionIndex: 1, errorCode: 0, timestamp: 1_700_000_000_000, offset: 0 },
        ],
      },
    ],
  };
  const expected = [
    {
      topic: 'orders',
      partitions: [
        { partition: 0, errorCode: 0, timestamp: '-1', offset: String(2 ** 42) },
        { partition: 1, errorCode: 0, timestamp: '1700000000000', offset: '0' },
      ],
    },
  ];

  function encode(version: number, value: ListOffsetsResponse = response): Buffer {
    const writer = new Writer();
    encodeListOffsetsResponse(writer, version, value);
    return writer.toBuffer();
  }

  it('v1: no throttle field', async () => {
    expect(await kafkajsParse('listOffsets', 1, encode(1))).toEqual({ responses: expected });
  });

  it('v2: throttle first', async () => {
    expect(await kafkajsParse('listOffsets', 2, encode(2))).toEqual({ throttleTime: 4, responses: expected });
  });

  it('v3: throttle read as client-side', async () => {
    expect(await kafkajsParse('listOffsets', 3, encode(3))).toEqual({ throttleTime: 0, clientSideThrottleTime: 4, responses: expected });
  });

  it('a partition error reaches kafkajs', async () => {
    const failing = { throttleTimeMs: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 3, timestamp: -1, offset: -1 }] }] };
    await expect(kafkajsParse('listOffsets', 3, encode(3, failing))).rejects.toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    expect((await kafkajsDecode('listOffsets', 3, encode(3, failing))).responses[0].partitions[0].offset).toBe('-1');
  });
});
