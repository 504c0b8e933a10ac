import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { CreatePartitionsResponse, decodeCreatePartitionsRequest, encodeCreatePartitionsResponse } from './create-partitions';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

describe('CreatePartitions', () => {
  it.each([0, 1])('v%i request: new totals, assignments (empty → null), timeout, validate_only', async (version) => {
    const body = await kafkajsRequestBody('createPartitions', version, {
      topicPartitions: [
        { topic: 'orders', count: 6 },
        { topic: 'placed', count: 3, assignments: [[1], [1, 2]] },
      ],
      validateOnly: true,
      timeout: 700,
    });
    expect(decodeCreatePartitionsRequest(new Reader(body), version)).toEqual({
      topics: [
        { name: 'orders', count: 6, assignments: null },
        { name: 'placed', count: 3, assignments: [{ brokerIds: [1] }, { brokerIds: [1, 2] }] },
      ],
      timeoutMs: 700,
      validateOnly: true,
    });
    expectTruncationsRejected(body, (b) => decodeCreatePartitionsRequest(new Reader(b), version), MalformedFrameError);
  });

  const response: CreatePartitionsResponse = {
    throttleTimeMs: 8,
    results: [
      { name: 'orders', errorCode: 0, errorMessage: null },
      { name: 'a', errorCode: 0, errorMessage: null },
    ],
  };
  function encode(version: number, value: CreatePartitionsResponse = response): Buffer {
    const writer = new Writer();
    encodeCreatePartitionsResponse(writer, version, value);
    return writer.toBuffer();
  }

  it('v0 response: throttle, results with messages', async () => {
    expect(await kafkajsParse('createPartitions', 0, encode(0))).toEqual({
      throttleTime: 8,
      topicErrors: [
        { topic: 'a', errorCode: 0, errorMessage: null },
        { topic: 'orders', errorCode: 0, errorMessage: null },
      ],
    });
  });

  it('v1 response: throttle read as client-side', async () => {
    const parsed = await kafkajsParse('createPartitions', 1, encode(1));
    expect([parsed.throttleTime, parsed.clientSideThrottleTime]).toEqual([0, 8]);
  });

  it('INVALID_PARTITIONS reaches kafkajs', async () => {
    const failing = { throttleTimeMs: 0, results: [{ name: 'o', errorCode: 37, errorMessage: 'Topic already has 6 partitions.' }] };
    await expect(kafkajsParse('createPartitions', 1, encode(1, failing))).rejects.toMatchObject({ type: 'INVALID_PARTITIONS' });
  });
});
