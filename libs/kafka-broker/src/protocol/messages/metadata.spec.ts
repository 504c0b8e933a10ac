import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { expectTruncationsRejected, kafkajsDecode, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';
import { decodeMetadataRequest, encodeMetadataResponse, MetadataResponse } from './metadata';

const VERSIONS = [1, 2, 3, 4, 5, 6];

const response: MetadataResponse = {
  throttleTimeMs: 0,
  brokers: [
    { nodeId: 1, host: 'localhost', port: 9092, rack: null },
    { nodeId: 2, host: 'h2', port: 19092, rack: 'r1' },
  ],
  clusterId: 'cluster-x',
  controllerId: 1,
  topics: [
    {
      errorCode: 0,
      name: 'orders',
      isInternal: false,
      partitions: [
        { errorCode: 0, partitionIndex: 0, leaderId: 1, replicaNodes: [1], isrNodes: [1], offlineReplicas: [] },
        { errorCode: 0, partitionIndex: 1, leaderId: 2, replicaNodes: [2, 1], isrNodes: [2], offlineReplicas: [1] },
      ],
    },
    { errorCode: 0, name: '__consumer_offsets', isInternal: true, partitions: [] },
  ],
};

function encode(version: number, value: MetadataResponse = response): Buffer {
  const writer = new Writer();
  encodeMetadataResponse(writer, version, value);
  return writer.toBuffer();
}

describe('Metadata request', () => {
  it.each(VERSIONS)('v%i: reads the topic list kafkajs sends', async (version) => {
    const body = await kafkajsRequestBody('metadata', version, { topics: ['orders', 'payments'], allowAutoTopicCreation: false });
    const request = decodeMetadataRequest(new Reader(body), version);
    expect(request.topics).toEqual([{ name: 'orders' }, { name: 'payments' }]);
    expect(request.allowAutoTopicCreation).toBe(version < 4);
    expectTruncationsRejected(body, (b) => decodeMetadataRequest(new Reader(b), version), MalformedFrameError);
  });

  it.each(VERSIONS)('v%i: an empty list from kafkajs arrives as null, meaning all topics', async (version) => {
    const body = await kafkajsRequestBody('metadata', version, { topics: [], allowAutoTopicCreation: true });
    expect(decodeMetadataRequest(new Reader(body), version)).toEqual({ topics: null, allowAutoTopicCreation: true });
  });

  it('v4+: reads allow_auto_topic_creation=true (producer/consumer default)', async () => {
    const body = await kafkajsRequestBody('metadata', 6, { topics: ['t'] });
    expect(decodeMetadataRequest(new Reader(body), 6).allowAutoTopicCreation).toBe(true);
  });
});

describe('Metadata response', () => {
  const brokersV1 = [
    { nodeId: 1, host: 'localhost', port: 9092, rack: null },
    { nodeId: 2, host: 'h2', port: 19092, rack: 'r1' },
  ];
  const partitions = (version: number) => [
    { partitionErrorCode: 0, partitionId: 0, leader: 1, replicas: [1], isr: [1], ...(version >= 5 ? { offlineReplicas: [] } : {}) },
    { partitionErrorCode: 0, partitionId: 1, leader: 2, replicas: [2, 1], isr: [2], ...(version >= 5 ? { offlineReplicas: [1] } : {}) },
  ];
  const topicMetadata = (version: number) => [
    { topicErrorCode: 0, topic: 'orders', isInternal: false, partitionMetadata: partitions(version) },
    { topicErrorCode: 0, topic: '__consumer_offsets', isInternal: true, partitionMetadata: [] },
  ];

  it.each(VERSIONS)('v%i: kafkajs sees brokers, controller, topics and partitions', async (version) => {
    const parsed = await kafkajsParse('metadata', version, encode(version));
    expect(parsed.brokers).toEqual(brokersV1);
    expect(parsed.controllerId).toBe(1);
    expect(parsed.clusterId).toBe(version >= 2 ? 'cluster-x' : undefined);
    expect(parsed.topicMetadata).toEqual(topicMetadata(version));
  });

  it('v3–5 carry a broker-side throttle, v6 a client-side one', async () => {
    const throttled = { ...response, throttleTimeMs: 9 };
    expect((await kafkajsDecode('metadata', 3, encode(3, throttled))).throttleTime).toBe(9);
    expect((await kafkajsDecode('metadata', 5, encode(5, throttled))).throttleTime).toBe(9);
    const v6 = await kafkajsDecode('metadata', 6, encode(6, throttled));
    expect([v6.throttleTime, v6.clientSideThrottleTime]).toEqual([0, 9]);
  });

  it('a null cluster id reaches kafkajs as null', async () => {
    expect((await kafkajsDecode('metadata', 2, encode(2, { ...response, clusterId: null }))).clusterId).toBeNull();
  });

  it('topic and partition error codes reach kafkajs', async () => {
    const unknown = { ...response, topics: [{ errorCode: 3, name: 'nope', isInternal: false, partitions: [] }] };
    await expect(kafkajsParse('metadata', 6, encode(6, unknown))).rejects.toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    const leaderless = {
      ...response,
      topics: [{ errorCode: 0, name: 'x', isInternal: false, partitions: [{ ...response.topics[0].partitions[0], errorCode: 5 }] }],
    };
    await expect(kafkajsParse('metadata', 6, encode(6, leaderless))).rejects.toMatchObject({ type: 'LEADER_NOT_AVAILABLE' });
  });
});
