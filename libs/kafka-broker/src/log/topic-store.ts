import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCode } from '../protocol/error-codes';
import { readJsonFile, writeFileAtomically } from './atomic-file';
import { PartitionLog } from './partition-log';
import { topicSettingsFrom, type TopicSettings } from './topic-config';
import { topicNameProblem } from './topic-name';

export interface TopicRecord {
  readonly name: string;
  readonly topicId: string;
  readonly partitions: number;
  readonly configs: Record<string, string>;
}

export interface Topic extends TopicRecord {
  readonly logs: PartitionLog[];
  readonly settings: TopicSettings;
}

export interface TopicOutcome {
  readonly errorCode: ErrorCode;
  readonly message: string | null;
}

const OK: TopicOutcome = { errorCode: ErrorCode.None, message: null };
const MAX_PARTITIONS = 10_000;

/**
 * The broker's topics: their declarations in `topics.json` (replaced atomically) and their partition
 * logs under `logs/<topic>-<partition>/`.
 */
export class TopicStore {
  private readonly topics = new Map<string, Topic>();
  private readonly statePath: string;
  private readonly logsDir: string;

  constructor(
    dataDir: string,
    private readonly defaults: TopicSettings,
    private readonly onRecovered: (topic: string, partition: number, truncatedBytes: number) => void = () => {},
  ) {
    this.statePath = path.join(dataDir, 'topics.json');
    this.logsDir = path.join(dataDir, 'logs');
  }

  open(): void {
    fs.mkdirSync(this.logsDir, { recursive: true });
    for (const record of readJsonFile<TopicRecord[]>(this.statePath, [])) this.load(record);
  }

  private load(record: TopicRecord): Topic {
    const settings = topicSettingsFrom(record.configs, this.defaults);
    const logs: PartitionLog[] = [];
    for (let partition = 0; partition < record.partitions; partition++) {
      const { log, recovery } = PartitionLog.open(this.partitionDir(record.name, partition), settings);
      if (recovery.truncatedBytes > 0) this.onRecovered(record.name, partition, recovery.truncatedBytes);
      logs.push(log);
    }
    const topic: Topic = { ...record, logs, settings };
    this.topics.set(record.name, topic);
    return topic;
  }

  private partitionDir(topic: string, partition: number): string {
    return path.join(this.logsDir, `${topic}-${partition}`);
  }

  private persist(): void {
    const records: TopicRecord[] = [...this.topics.values()].map(({ name, topicId, partitions, configs }) => ({
      name,
      topicId,
      partitions,
      configs,
    }));
    writeFileAtomically(this.statePath, JSON.stringify(records, null, 2));
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  partition(name: string, partition: number): PartitionLog | undefined {
    return this.topics.get(name)?.logs[partition];
  }

  all(): Topic[] {
    return [...this.topics.values()];
  }

  create(name: string, partitions: number, configs: Record<string, string>, validateOnly = false): TopicOutcome {
    const problem = topicNameProblem(name);
    if (problem) return { errorCode: ErrorCode.InvalidTopic, message: problem };
    if (this.topics.has(name)) return { errorCode: ErrorCode.TopicAlreadyExists, message: `topic ${name} already exists` };
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) {
      return { errorCode: ErrorCode.InvalidPartitions, message: `partition count must be 1..${MAX_PARTITIONS}` };
    }
    try {
      topicSettingsFrom(configs, this.defaults);
    } catch (error) {
      return { errorCode: ErrorCode.InvalidConfig, message: (error as Error).message };
    }
    if (validateOnly) return OK;
    // Leftovers of a topic deleted while the broker was down must not reappear under the new topic.
    for (let partition = 0; partition < partitions; partition++) {
      fs.rmSync(this.partitionDir(name, partition), { recursive: true, force: true });
    }
    this.load({ name, topicId: randomUUID(), partitions, configs });
    this.persist();
    return OK;
  }

  delete(name: string): TopicOutcome {
    const topic = this.topics.get(name);
    if (!topic) return { errorCode: ErrorCode.UnknownTopicOrPartition, message: `topic ${name} does not exist` };
    this.topics.delete(name);
    this.persist();
    for (const log of topic.logs) log.delete();
    return OK;
  }

  addPartitions(name: string, newTotal: number, validateOnly = false): TopicOutcome {
    const topic = this.topics.get(name);
    if (!topic) return { errorCode: ErrorCode.UnknownTopicOrPartition, message: `topic ${name} does not exist` };
    if (!Number.isInteger(newTotal) || newTotal <= topic.partitions || newTotal > MAX_PARTITIONS) {
      return {
        errorCode: ErrorCode.InvalidPartitions,
        message: `topic ${name} has ${topic.partitions} partitions; the new count must be larger (at most ${MAX_PARTITIONS})`,
      };
    }
    if (validateOnly) return OK;
    const logs = [...topic.logs];
    for (let partition = topic.partitions; partition < newTotal; partition++) {
      fs.rmSync(this.partitionDir(name, partition), { recursive: true, force: true });
      logs.push(PartitionLog.open(this.partitionDir(name, partition), topic.settings).log);
    }
    this.topics.set(name, { ...topic, partitions: newTotal, logs });
    this.persist();
    return OK;
  }

  syncAll(): void {
    for (const topic of this.topics.values()) for (const log of topic.logs) log.sync();
  }

  applyRetention(now: number): number {
    let removed = 0;
    for (const topic of this.topics.values()) for (const log of topic.logs) removed += log.applyRetention(now);
    return removed;
  }

  close(): void {
    for (const topic of this.topics.values()) for (const log of topic.logs) log.close();
    this.topics.clear();
  }
}
