import type { FsyncPolicy } from './log/fsync-policy';
import type { LogLevel } from './server/logger';

export interface BrokerOptions {
  /** Where topics, logs, offsets and group state live. Created if missing. */
  readonly dataDir: string;
  /** Interface to bind. Default 127.0.0.1. */
  readonly host?: string;
  /** Port to bind; 0 picks a free one (tests). Default 9092. */
  readonly port?: number;
  /** Host clients must dial, as advertised in Metadata and FindCoordinator. Default: `host`. */
  readonly advertisedHost?: string;
  /** Create unknown topics when a client's Metadata request allows it (as Kafka's auto.create.topics.enable). */
  readonly autoCreateTopics?: boolean;
  /** Partitions of an auto-created topic or of CreateTopics with -1. Default 1. */
  readonly defaultPartitions?: number;
  /** Lowest session timeout a consumer may ask for; Kafka's 6000 is too slow for tests. */
  readonly minSessionTimeoutMs?: number;
  readonly maxSessionTimeoutMs?: number;
  /** Kafka's group.initial.rebalance.delay.ms; 0 for development and tests. */
  readonly initialRebalanceDelayMs?: number;
  readonly fsync?: FsyncPolicy;
  readonly fsyncIntervalMs?: number;
  /** Largest request frame accepted; a larger one closes the connection. Default 100 MiB. */
  readonly maxRequestBytes?: number;
  /** Accept replication factors above 1 and store them as 1 (production topic settings on a dev box). */
  readonly clampReplicationFactor?: boolean;
  /** Defaults for topics that do not set retention.ms / retention.bytes / segment.bytes themselves. */
  readonly retentionMs?: number;
  readonly retentionBytes?: number;
  readonly segmentBytes?: number;
  /** How often retention runs. Default one minute. */
  readonly retentionCheckIntervalMs?: number;
  /** Serve Prometheus metrics on this port (0 = ephemeral); omitted = no metrics endpoint. */
  readonly metricsPort?: number;
  readonly logLevel?: LogLevel;
}

export type ResolvedBrokerOptions = Required<Omit<BrokerOptions, 'metricsPort'>> & { readonly metricsPort: number | null };

export function resolveBrokerOptions(options: BrokerOptions): ResolvedBrokerOptions {
  const host = options.host ?? '127.0.0.1';
  return {
    dataDir: options.dataDir,
    host,
    port: options.port ?? 9092,
    advertisedHost: options.advertisedHost ?? host,
    autoCreateTopics: options.autoCreateTopics ?? true,
    defaultPartitions: options.defaultPartitions ?? 1,
    minSessionTimeoutMs: options.minSessionTimeoutMs ?? 6000,
    maxSessionTimeoutMs: options.maxSessionTimeoutMs ?? 1_800_000,
    initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 0,
    fsync: options.fsync ?? 'interval',
    fsyncIntervalMs: options.fsyncIntervalMs ?? 1000,
    maxRequestBytes: options.maxRequestBytes ?? 100 * 1024 * 1024,
    clampReplicationFactor: options.clampReplicationFactor ?? false,
    retentionMs: options.retentionMs ?? 7 * 24 * 3600 * 1000,
    retentionBytes: options.retentionBytes ?? -1,
    segmentBytes: options.segmentBytes ?? 64 * 1024 * 1024,
    retentionCheckIntervalMs: options.retentionCheckIntervalMs ?? 60_000,
    metricsPort: options.metricsPort ?? null,
    logLevel: options.logLevel ?? 'info',
  };
}
