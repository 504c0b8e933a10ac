import * as fs from 'node:fs';
import * as http from 'node:http';
import { resolveBrokerOptions, type BrokerOptions } from './broker-options';
import type { BrokerState } from './broker-state';
import { GroupCoordinator, createGroupHandlers } from './groups';
import { createApiHandlers } from './handlers';
import { DataWaiters } from './log/data-waiters';
import { lockDataDir } from './log/data-dir-lock';
import { ProducerIdAllocator } from './log/producer-ids';
import { DEFAULT_TOPIC_SETTINGS } from './log/topic-config';
import { TopicStore } from './log/topic-store';
import type { BrokerNode } from './server/api-handler';
import { BrokerMetrics } from './server/broker-metrics';
import { KafkaServer } from './server/kafka-server';
import { createLogger } from './server/logger';

export interface RunningBroker {
  readonly host: string;
  readonly port: number;
  /** `host:port` as clients should dial it (the advertised address). */
  readonly bootstrap: string;
  readonly metricsPort: number | null;
  readonly metrics: BrokerMetrics;
  stop(): Promise<void>;
}

/**
 * Starts the broker: locks the data directory, recovers topics, logs and group state from disk, then
 * listens. Resolves once clients can connect.
 */
export async function startBroker(input: BrokerOptions): Promise<RunningBroker> {
  const options = resolveBrokerOptions(input);
  const logger = createLogger(options.logLevel);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir);

  const topics = new TopicStore(
    options.dataDir,
    { ...DEFAULT_TOPIC_SETTINGS, retentionMs: options.retentionMs, retentionBytes: options.retentionBytes, segmentBytes: options.segmentBytes },
    (topic, partition, bytes) => logger.warn(`recovered ${topic}-${partition}: cut ${bytes} bytes of an incomplete write at the tail`),
  );
  const producerIds = new ProducerIdAllocator(options.dataDir);
  let coordinator: GroupCoordinator | undefined;
  try {
    topics.open();
    producerIds.open();
    coordinator = new GroupCoordinator({
      dataDir: options.dataDir,
      minSessionTimeoutMs: options.minSessionTimeoutMs,
      maxSessionTimeoutMs: options.maxSessionTimeoutMs,
      initialRebalanceDelayMs: options.initialRebalanceDelayMs,
      fsync: options.fsync,
      hasPartition: (topic, partition) => topics.partition(topic, partition) !== undefined,
    });
    await coordinator.open();
  } catch (error) {
    topics.close();
    unlock();
    throw error;
  }
  const groups = coordinator;

  let node: BrokerNode = { nodeId: 0, host: options.advertisedHost, port: options.port };
  let stopping = false;
  const waiters = new DataWaiters();
  const state: BrokerState = {
    options,
    topics,
    waiters,
    producerIds,
    logger,
    node: () => node,
    forgetTopic: (topic) => groups.forgetTopic(topic),
    isStopping: () => stopping,
  };
  const metrics = new BrokerMetrics({
    partitions: () =>
      topics.all().flatMap((topic) =>
        topic.logs.map((log, partition) => ({
          topic: topic.name,
          partition,
          highWatermark: log.highWatermark,
          logStartOffset: log.logStartOffset,
          sizeBytes: log.sizeBytes,
        })),
      ),
    groups: () => groups.listGroupStates(),
  });
  const server = new KafkaServer({
    handlers: { ...createApiHandlers(state), ...createGroupHandlers(groups, () => node) },
    maxRequestBytes: options.maxRequestBytes,
    logger,
    metrics,
  });
  const port = await server.listen(options.host, options.port);
  node = { nodeId: 0, host: options.advertisedHost, port };

  const timers: NodeJS.Timeout[] = [];
  if (options.fsync === 'interval') timers.push(setInterval(() => topics.syncAll(), options.fsyncIntervalMs));
  timers.push(
    setInterval(() => {
      const removed = topics.applyRetention(Date.now());
      if (removed > 0) logger.info(`retention removed ${removed} segment(s)`);
    }, options.retentionCheckIntervalMs),
  );
  for (const timer of timers) timer.unref();

  let metricsServer: http.Server | null = null;
  let metricsPort: number | null = null;
  if (options.metricsPort !== null) {
    metricsServer = http.createServer((req, res) => {
      if (req.url !== '/metrics') return void res.writeHead(404).end('try /metrics\n');
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: Error) => res.writeHead(500).end(error.message),
      );
    });
    metricsPort = await new Promise<number>((resolve) =>
      metricsServer!.listen(options.metricsPort!, options.host, () => resolve((metricsServer!.address() as { port: number }).port)),
    );
  }

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const timer of timers) clearInterval(timer);
    waiters.wakeAll();
    await server.close();
    if (metricsServer) await new Promise<void>((resolve) => metricsServer!.close(() => resolve()));
    await groups.close();
    topics.close();
    unlock();
    logger.info('stopped');
  };

  logger.info(`data in ${options.dataDir}; ${topics.all().length} topic(s) recovered`);
  return { host: options.host, port, bootstrap: `${options.advertisedHost}:${port}`, metricsPort, metrics, stop };
}
