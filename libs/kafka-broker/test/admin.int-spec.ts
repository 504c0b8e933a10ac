import { startTestBroker, type BrokerFixture } from './support/broker-fixture';

describe('kafkajs admin against the broker', () => {
  let fixture: BrokerFixture;
  beforeAll(async () => {
    fixture = await startTestBroker({ defaultPartitions: 2 });
  });
  afterAll(async () => fixture.stop());

  it('creates, lists, describes, grows and deletes topics', async () => {
    const admin = fixture.kafka().admin();
    await admin.connect();
    expect(
      await admin.createTopics({
        topics: [{ topic: 'bcci.intake.dossier-events.v1', numPartitions: 4, configEntries: [{ name: 'retention.ms', value: '86400000' }] }],
      }),
    ).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'bcci.intake.dossier-events.v1', numPartitions: 4 }] })).toBe(false);
    expect(await admin.listTopics()).toContain('bcci.intake.dossier-events.v1');

    const metadata = await admin.fetchTopicMetadata({ topics: ['bcci.intake.dossier-events.v1'] });
    expect(metadata.topics[0].partitions).toHaveLength(4);

    const configs = await admin.describeConfigs({
      resources: [{ type: 2, name: 'bcci.intake.dossier-events.v1', configNames: ['retention.ms'] }],
      includeSynonyms: false,
    });
    expect(configs.resources[0].configEntries).toEqual([expect.objectContaining({ configName: 'retention.ms', configValue: '86400000' })]);

    await admin.createPartitions({ topicPartitions: [{ topic: 'bcci.intake.dossier-events.v1', count: 6 }] });
    expect((await admin.fetchTopicMetadata({ topics: ['bcci.intake.dossier-events.v1'] })).topics[0].partitions).toHaveLength(6);

    await admin.deleteTopics({ topics: ['bcci.intake.dossier-events.v1'] });
    expect(await admin.listTopics()).not.toContain('bcci.intake.dossier-events.v1');
    await admin.disconnect();
  });

  it('refuses bad topic requests with the Kafka error a client expects', async () => {
    const admin = fixture.kafka().admin({ retry: { retries: 0 } });
    await admin.connect();
    await expect(admin.createTopics({ topics: [{ topic: 'bad name!' }] })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'INVALID_TOPIC_EXCEPTION' })],
    });
    await expect(admin.createTopics({ topics: [{ topic: 'replicated', replicationFactor: 3 }] })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' })],
    });
    await expect(admin.fetchTopicMetadata({ topics: ['never-created'] })).rejects.toThrow(/does not host this topic-partition/);
    await admin.disconnect();
  });

  it('reports earliest, latest and by-time offsets and committed group offsets', async () => {
    const producer = fixture.kafka().producer();
    await producer.connect();
    const before = Date.now();
    await producer.send({ topic: 'timed', messages: [{ value: 'a', partition: 0 }, { value: 'b', partition: 0 }] });
    await producer.disconnect();
    const admin = fixture.kafka().admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('timed');
    expect(offsets.find((o) => o.partition === 0)).toEqual(expect.objectContaining({ low: '0', high: '2' }));
    const byTime = await admin.fetchTopicOffsetsByTimestamp('timed', before - 1000);
    expect(byTime.find((o) => o.partition === 0)?.offset).toBe('0');
    await admin.setOffsets({ groupId: 'reporting', topic: 'timed', partitions: [{ partition: 0, offset: '1' }] });
    const committed = await admin.fetchOffsets({ groupId: 'reporting', topics: ['timed'] });
    expect(committed[0].partitions.find((p) => p.partition === 0)?.offset).toBe('1');
    await admin.disconnect();
  });
});
