import { allConcreteTopics, TOPIC_DEFAULTS, TOPICS } from '@bcci/contracts';
import { declaredTopicConfigs, replicationFactorFor } from './declared-topics';

const configOf = (topic: { configEntries?: Array<{ name: string; value: string }> }) =>
  Object.fromEntries((topic.configEntries ?? []).map((e) => [e.name, e.value]));

describe('declared topics', () => {
  it('creates every stream of contracts/topics.json and its dead-letter topic, with the declared partitions', () => {
    const configs = declaredTopicConfigs(3);
    expect(configs.map((c) => c.topic).sort()).toEqual(allConcreteTopics().map((t) => t.name).sort());
    for (const topic of TOPICS) {
      expect(configs.find((c) => c.topic === topic.name)?.numPartitions).toBe(topic.partitions);
      expect(configs.find((c) => c.topic === topic.deadLetter.name)?.numPartitions).toBe(topic.deadLetter.partitions);
    }
  });

  it('keeps the production settings with the production replication factor', () => {
    for (const topic of declaredTopicConfigs(TOPIC_DEFAULTS.replicationFactor)) {
      expect(topic.replicationFactor).toBe(3);
      expect(configOf(topic)['min.insync.replicas']).toBe(TOPIC_DEFAULTS.config['min.insync.replicas']);
    }
    const intake = declaredTopicConfigs(3).find((t) => t.topic === 'bcci.intake.dossier-events.v1')!;
    expect(configOf(intake)['retention.ms']).toBe(TOPICS.find((t) => t.name === intake.topic)!.config['retention.ms']);
  });

  it('lowers min.insync.replicas to a smaller replication factor, or every acks=all produce would fail', () => {
    for (const topic of declaredTopicConfigs(1)) {
      expect(topic.replicationFactor).toBe(1);
      expect(configOf(topic)['min.insync.replicas']).toBe('1');
    }
  });

  it('uses 1 on the embedded broker, the production factor on external Kafka, and an explicit factor over both', () => {
    expect(replicationFactorFor(true)).toBe(TOPIC_DEFAULTS.embeddedReplicationFactor);
    expect(replicationFactorFor(false)).toBe(TOPIC_DEFAULTS.replicationFactor);
    expect(replicationFactorFor(false, 1)).toBe(1);
    expect(replicationFactorFor(true, 2)).toBe(2);
  });
});
