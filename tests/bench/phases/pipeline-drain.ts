import { Kafka, logLevel } from 'kafkajs';
import type { BenchContext } from '../bench-phase';

/**
 * Waits until every service's consumer group (`bcci.<service>`) has committed up to the end of the
 * topics it reads, so a phase starts on an idle pipeline instead of the backlog the previous phases left
 * (every registration is consumed by several services). Returns the messages still behind at the end.
 */
export async function waitForPipelineIdle(context: BenchContext, timeoutMs: number): Promise<number> {
  const kafka = new Kafka({ clientId: 'bcci-bench-drain', brokers: context.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let lastPrinted = 0;
    for (;;) {
      const behind = await messagesBehind(admin);
      if (behind === 0 || Date.now() > deadline) return behind;
      if (Date.now() - lastPrinted > 5000) {
        context.progress(`  waiting for the services to catch up: ${behind} messages behind`);
        lastPrinted = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await admin.disconnect();
  }
}

async function messagesBehind(admin: ReturnType<Kafka['admin']>): Promise<number> {
  const { groups } = await admin.listGroups();
  let behind = 0;
  const ends = new Map<string, Map<number, bigint>>();
  for (const group of groups.filter((g) => g.groupId.startsWith('bcci.') && !g.groupId.startsWith('bcci.e2e-reader'))) {
    const offsets = await admin.fetchOffsets({ groupId: group.groupId });
    for (const topic of offsets) {
      let end = ends.get(topic.topic);
      if (!end) {
        end = new Map((await admin.fetchTopicOffsets(topic.topic)).map((p) => [p.partition, BigInt(p.high)]));
        ends.set(topic.topic, end);
      }
      for (const partition of topic.partitions) {
        const committed = BigInt(partition.offset === '-1' ? '0' : partition.offset);
        const high = end.get(partition.partition) ?? 0n;
        if (high > committed) behind += Number(high - committed);
      }
    }
  }
  return behind;
}
