import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

export interface ThrowawayTopic {
  kafka: Kafka;
  topic: string;
  /** Produces with the outbox relay's settings: idempotent, one request in flight. */
  producer: Producer;
  /** Disconnects the producer and deletes the topic. */
  close(): Promise<void>;
}

/** A topic of its own on the stack's broker (12 partitions, like the dossier streams) for a bench loop. */
export async function openThrowawayTopic(brokers: string[], name: string): Promise<ThrowawayTopic> {
  const kafka = new Kafka({ clientId: `bcci-bench-${name}`, brokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  const topic = `bcci.bench.${name}.${randomUUID().slice(0, 8)}`;
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 12 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  return {
    kafka,
    topic,
    producer,
    close: async () => {
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
