import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { CreateTopicsResponse, decodeCreateTopicsRequest, encodeCreateTopicsResponse } from './create-topics';
import { expectTruncationsRejected, kafkajsDecode, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

const VERSIONS = [0, 1, 2, 3];

describe('CreateTopics request', () => {
  it.each(VERSIONS)('v%i: reads topics, assignments, configs, timeout and validate_only (v1+)', async (version) => {
    const body = await kafkajsRequestBody('createTopics', version, {
      topics: [
        { topic: 'orders', numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
        { topic: 'placed', replicaAssignment: [{ partition: 0, replicas: [1] }, { partition: 1, replicas: [1, 2] }] },
      ],
      validateOnly: true,
      timeout: 1234,
    });
    expect(decodeCreateTopicsRequest(new Reader(body), version)).toEqual({
      topics: [
        { name: 'orders', numPartitions: 3, replicationFactor: 1, assignments: [], configs: [{ name: 'cleanup.policy', value: 'compact' }] },
        {
          name: 'placed',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [
            { partitionIndex: 0, brokerIds: [1] },
            { partitionIndex: 1, brokerIds: [1, 2] },
          ],
          configs: [],
        },
      ],
      timeoutMs: 1234,
      validateOnly: version >= 1,
    });
    expectTruncationsRejected(body, (b) => decodeCreateTopicsRequest(new Reader(b), version), MalformedFrameError);
  });

  it('reads a null config value', () => {
    const body = new Writer().int32(1).string('t').int32(1).int16(1).int32(0).int32(1).string('k').nullableString(null).int32(5).boolean(false).toBuffer();
    expect(decodeCreateTopicsRequest(new Reader(body), 1).topics[0].configs).toEqual([{ name: 'k', value: null }]);
  });
});

describe('CreateTopics response', () => {
  const response: CreateTopicsResponse = {
    throttleTimeMs: 6,
    topics: [
      { name: 'orders', errorCode: 0, errorMessage: null },
      { name: 'b-topic', errorCode: 0, errorMessage: null },
    ],
  };

  function encode(version: number, value: CreateTopicsResponse = response): Buffer {
    const writer = new Writer();
    encodeCreateTopicsResponse(writer, version, value);
    return writer.toBuffer();
  }

  it('v0: topic and error code only', async () => {
    expect(await kafkajsParse('createTopics', 0, encode(0))).toEqual({
      topicErrors: [
        { topic: 'b-topic', errorCode: 0 },
        { topic: 'orders', errorCode: 0 },
      ],
    });
  });

  it('v1: adds error_message', async () => {
    expect((await kafkajsParse('createTopics', 1, encode(1))).topicErrors).toContainEqual({ topic: 'orders', errorCode: 0, errorMessage: null });
  });

  it('v2: throttle first; v3: read as client-side throttle', async () => {
    expect((await kafkajsParse('createTopics', 2, encode(2))).throttleTime).toBe(6);
    const v3 = await kafkajsParse('createTopics', 3, encode(3));
    expect([v3.throttleTime, v3.clientSideThrottleTime]).toEqual([0, 6]);
  });

  it.each([1, 3])('v%i: TOPIC_ALREADY_EXISTS with its message reaches kafkajs as a create-topic error', async (version) => {
    const exists = { throttleTimeMs: 0, topics: [{ name: 'orders', errorCode: 36, errorMessage: "Topic 'orders' already exists." }] };
    const decoded = await kafkajsDecode('createTopics', version, encode(version, exists));
    expect(decoded.topicErrors[0].errorMessage).toBe("Topic 'orders' already exists.");
    await expect(kafkajsParse('createTopics', version, encode(version, exists))).rejects.toMatchObject({
      name: 'KafkaJSAggregateError',
      errors: [expect.objectContaining({ type: 'TOPIC_ALREADY_EXISTS', topic: 'orders' })],
    });
  });
});
