import { allConcreteTopics, TOPIC_DEFAULTS } from '@bcci/contracts';
import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';

export interface TopicsReport {
  created: string[];
  existing: string[];
  /** Existing topics that had fewer partitions than declared and were grown. */
  grown: string[];
  replicationFactor: number;
}

/**
 * The topics of contracts/topics.json (streams and their dead letters) as CreateTopics requests.
 * `min.insync.replicas` cannot exceed the replication factor (Kafka would refuse every acks=all
 * produce), so it is lowered to the factor when the factor is smaller.
 */
export function declaredTopicConfigs(replicationFactor: number): ITopicConfig[] {
  return allConcreteTopics().map((topic) => {
    const config = { ...topic.config };
    const minInsync = Number(config['min.insync.replicas']);
    if (Number.isFinite(minInsync) && minInsync > replicationFactor) config['min.insync.replicas'] = String(replicationFactor);
    return {
      topic: topic.name,
      numPartitions: topic.partitions,
      replicationFactor,
      configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
    };
  });
}

/** Replication factor for created topics: explicit, else 1 on the embedded broker, else production's. */
export function replicationFactorFor(embedded: boolean, explicit?: number): number {
  if (explicit !== undefined) return explicit;
  return embedded ? TOPIC_DEFAULTS.embeddedReplicationFactor : TOPIC_DEFAULTS.replicationFactor;
}

/** Creates every declared topic that is missing and grows any that has fewer partitions than declared. */
export async function createDeclaredTopics(brokers: string[], replicationFactor: number): Promise<TopicsReport> {
  const kafka = new Kafka({ clientId: 'bcci-stack-launcher', brokers, logLevel: logLevel.ERROR, retry: { retries: 5 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = declaredTopicConfigs(replicationFactor);
    const present = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !present.has(t.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });

    const existing = wanted.filter((t) => present.has(t.topic));
    const grown: string[] = [];
    if (existing.length > 0) {
      const metadata = await admin.fetchTopicMetadata({ topics: existing.map((t) => t.topic) });
      const growths = existing.flatMap((t) => {
        const found = metadata.topics.find((m) => m.name === t.topic);
        const count = found?.partitions.length ?? 0;
        return count > 0 && count < (t.numPartitions ?? 1) ? [{ topic: t.topic, count: t.numPartitions ?? 1 }] : [];
      });
      if (growths.length > 0) await admin.createPartitions({ topicPartitions: growths });
      grown.push(...growths.map((g) => g.topic));
    }
    return { created: missing.map((t) => t.topic), existing: existing.map((t) => t.topic), grown, replicationFactor };
  } finally {
    await admin.disconnect();
  }
}
