import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { startBroker, type BrokerOptions, type RunningBroker } from '../../src';

export interface BrokerFixture {
  readonly broker: RunningBroker;
  readonly dataDir: string;
  kafka(config?: Partial<KafkaConfig>): Kafka;
  stop(): Promise<void>;
}

/** A broker on a free port in a fresh directory, tuned for tests (short session timeouts, no fsync). */
export async function startTestBroker(options: Partial<BrokerOptions> = {}): Promise<BrokerFixture> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-broker-test-'));
  const broker = await startBroker({ port: 0, minSessionTimeoutMs: 500, fsync: 'never', logLevel: 'error', ...options, dataDir });
  return {
    broker,
    dataDir,
    kafka: (config = {}) =>
      new Kafka({
        clientId: 'broker-test',
        brokers: [broker.bootstrap],
        logLevel: logLevel.NOTHING,
        retry: { retries: 5, initialRetryTime: 50, maxRetryTime: 500 },
        ...config,
      }),
    stop: async () => {
      await broker.stop();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves when `predicate` holds, polling; fails with `what` after `timeoutMs` (a hang guard, not a timing assertion). */
export async function eventually(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
