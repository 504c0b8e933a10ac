import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { httpCallsMade } from '../../support/journey-http';
import type { BenchContext } from '../bench-phase';

/** What the stack had done at one moment: the counters a journey's cost is read from. */
export interface WorkSnapshot {
  /** Committed transactions of the services' databases (pg_stat_database.xact_commit of bcci_*). */
  commits: number;
  /** End offset summed over the partitions of each bcci.* topic (dead-letter topics apart). */
  producedByTopic: Map<string, number>;
  /** Committed offset of each bcci.* consumer group, summed per topic: messages its consumers got through. */
  consumedByTopic: Map<string, number>;
  httpCalls: number;
}

/** What a unit of work (one dossier) cost: the difference of two snapshots, divided by the units. */
export interface WorkPerUnit {
  commits: number;
  produced: number;
  consumed: number;
  httpCalls: number;
  producedByTopic: Array<[string, number]>;
  consumedByTopic: Array<[string, number]>;
}

/**
 * Reads, from outside the services, how much the stack did: PostgreSQL's own commit counters and the
 * broker's offsets. The journey phase takes a snapshot before and after, and the box-limit phase replays
 * exactly that much work per dossier without any framework.
 */
export class WorkCounter {
  private readonly kafka: Kafka;

  constructor(private readonly context: BenchContext) {
    this.kafka = new Kafka({ clientId: 'bcci-bench-work-counter', brokers: context.kafkaBrokers, logLevel: logLevel.NOTHING });
  }

  async snapshot(): Promise<WorkSnapshot> {
    const [commits, offsets] = await Promise.all([this.commits(), this.offsets()]);
    return { commits, ...offsets, httpCalls: httpCallsMade() };
  }

  private async commits(): Promise<number> {
    const client = new Client({ connectionString: this.context.databaseAdminUrl, application_name: 'bcci-bench-work-counter' });
    await client.connect();
    try {
      // Statistics reach pg_stat_database within about a second of the commit; force a fresh read.
      await client.query('SELECT pg_stat_clear_snapshot()');
      const result = await client.query<{ commits: string }>("SELECT coalesce(sum(xact_commit), 0) AS commits FROM pg_stat_database WHERE datname LIKE 'bcci\\_%'");
      return Number(result.rows[0]!.commits);
    } finally {
      await client.end();
    }
  }

  private async offsets(): Promise<Pick<WorkSnapshot, 'producedByTopic' | 'consumedByTopic'>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith('bcci.') && !topic.endsWith('.dlq') && !topic.startsWith('bcci.bench.'));
      const producedByTopic = new Map<string, number>();
      for (const topic of topics) {
        const partitions = await admin.fetchTopicOffsets(topic);
        producedByTopic.set(topic, partitions.reduce((sum, p) => sum + Number(p.high), 0));
      }
      const consumedByTopic = new Map<string, number>();
      const { groups } = await admin.listGroups();
      // The services' groups (bcci.<service>), not the readers of the bench and the end-to-end suites.
      for (const group of groups.filter((g) => g.groupId.startsWith('bcci.') && !g.groupId.startsWith('bcci.e2e-reader') && !g.groupId.startsWith('bcci.bench'))) {
        for (const topic of await admin.fetchOffsets({ groupId: group.groupId })) {
          const committed = topic.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
          consumedByTopic.set(topic.topic, (consumedByTopic.get(topic.topic) ?? 0) + committed);
        }
      }
      return { producedByTopic, consumedByTopic };
    } finally {
      await admin.disconnect();
    }
  }
}

export function workPerUnit(before: WorkSnapshot, after: WorkSnapshot, units: number): WorkPerUnit {
  const per = (value: number) => (units > 0 ? value / units : 0);
  const difference = (a: Map<string, number>, b: Map<string, number>) =>
    [...b]
      .map(([topic, value]): [string, number] => [topic, per(value - (a.get(topic) ?? 0))])
      .filter(([, value]) => value > 0)
      .sort((x, y) => y[1] - x[1]);
  const producedByTopic = difference(before.producedByTopic, after.producedByTopic);
  const consumedByTopic = difference(before.consumedByTopic, after.consumedByTopic);
  const sum = (entries: Array<[string, number]>) => entries.reduce((total, [, value]) => total + value, 0);
  return {
    commits: per(after.commits - before.commits),
    produced: sum(producedByTopic),
    consumed: sum(consumedByTopic),
    httpCalls: per(after.httpCalls - before.httpCalls),
    producedByTopic,
    consumedByTopic,
  };
}
