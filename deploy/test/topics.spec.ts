// The topics of the production shape come from contracts/topics.json only: the checked-in Strimzi file
// equals what the generator writes now, and the topic-creation job's plan matches the declarations.
import { TOPIC_DEFAULTS, TOPICS, TOPIC_PATTERNS, allConcreteTopics } from '@bcci/contracts';
import { loadYamlDocuments, readText, runScript } from './deploy-fixtures';

interface KafkaTopicResource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { topicName: string; partitions: number; replicas: number; config: Record<string, string> };
}

interface PlannedTopic {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  config: Record<string, string>;
}

const STRIMZI_FILE = 'deploy/k8s/kafka-topics.yaml';

describe('Strimzi KafkaTopic resources (deploy/k8s/kafka-topics.yaml)', () => {
  it('is exactly what generate-strimzi-topics.mjs produces from contracts/topics.json now', () => {
    const generated = runScript('generate-strimzi-topics.mjs', ['--stdout']);
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    // Out of date? Run: node deploy/scripts/generate-strimzi-topics.mjs
    expect(readText(STRIMZI_FILE)).toBe(generated.stdout);
  });

  it('declares every stream and dead-letter topic with the partitions, replicas and config of contracts', () => {
    const resources = loadYamlDocuments<KafkaTopicResource>(STRIMZI_FILE);
    const expected = allConcreteTopics();
    expect(resources.map((r) => r.spec.topicName).sort()).toEqual(expected.map((t) => t.name).sort());
    for (const topic of expected) {
      const resource = resources.find((r) => r.spec.topicName === topic.name);
      expect(resource?.kind).toBe('KafkaTopic');
      expect(resource?.apiVersion).toBe('kafka.strimzi.io/v1beta2');
      expect(resource?.spec.partitions).toBe(topic.partitions);
      expect(resource?.spec.replicas).toBe(TOPIC_DEFAULTS.replicationFactor);
      expect(resource?.spec.config).toEqual(topic.config);
    }
  });

  it('attaches every topic to the Kafka cluster and namespace of kafka-cluster.yaml', () => {
    const cluster = loadYamlDocuments<{ kind: string; metadata: { name: string; namespace: string } }>('deploy/k8s/kafka-cluster.yaml').find(
      (d) => d.kind === 'Kafka',
    );
    expect(cluster?.metadata.name).toMatch(/\S/);
    for (const resource of loadYamlDocuments<KafkaTopicResource>(STRIMZI_FILE)) {
      expect(resource.metadata.labels['strimzi.io/cluster']).toBe(cluster?.metadata.name);
      expect(resource.metadata.namespace).toBe(cluster?.metadata.namespace);
      // Kubernetes object names: lowercase DNS subdomain (topic names of contracts must stay within it).
      expect(resource.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/);
    }
  });
});

describe('topic-creation plan (deploy/scripts/create-topics.mjs --plan)', () => {
  function plan(args: string[], env: Record<string, string> = {}) {
    const run = runScript('create-topics.mjs', ['--plan', ...args], env);
    return { ...run, topics: run.status === 0 ? (JSON.parse(run.stdout) as PlannedTopic[]) : [] };
  }

  it('creates every stream and its dead-letter topic with the declared partitions, replication and config', () => {
    const { status, topics } = plan([]);
    expect(status).toBe(0);
    expect(topics).toEqual(
      TOPICS.flatMap((t) => [
        {
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: TOPIC_DEFAULTS.replicationFactor,
          config: { ...TOPIC_DEFAULTS.config, ...t.config },
        },
        {
          topic: t.deadLetter.name,
          numPartitions: t.deadLetter.partitions,
          replicationFactor: TOPIC_DEFAULTS.replicationFactor,
          config: { ...TOPIC_DEFAULTS.config, ...t.deadLetter.config },
        },
      ]),
    );
  });

  it('creates a per-agency topic from the declared pattern when asked, and refuses a bad agency id', () => {
    const pattern = TOPIC_PATTERNS.find((p) => p.parameter.name === 'agencyId');
    const { status, topics } = plan(['--agency', '000.00.12.H56']);
    expect(status).toBe(0);
    expect(topics.at(-1)).toEqual({
      topic: 'bcci.agency-gateway.agency.000.00.12.H56.v1',
      numPartitions: pattern?.partitions,
      replicationFactor: TOPIC_DEFAULTS.replicationFactor,
      config: { ...TOPIC_DEFAULTS.config, ...pattern?.config },
    });
    const refused = plan(['--agency', 'bad id']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('invalid agency id');
  });

  it('refuses a replication factor below min.insync.replicas unless that is overridden too', () => {
    const refused = plan(['--replication-factor', '1']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('min.insync.replicas');
    const single = plan([], { TOPIC_REPLICATION_FACTOR: '1', TOPIC_MIN_INSYNC_REPLICAS: '1' });
    expect(single.status).toBe(0);
    expect(single.topics.every((t) => t.replicationFactor === 1 && t.config['min.insync.replicas'] === '1')).toBe(true);
    expect(single.topics.map((t) => t.topic)).toEqual(allConcreteTopics().map((t) => t.name));
  });
});
