import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBroker, type RunningBroker } from '@bcci/kafka-broker';
import { EXTERNAL_KAFKA_BROKERS_ENV } from './test-environment';
import { testBrokerOptions } from './test-broker-options';
import { SharedServer } from './shared-server';

export interface TestKafkaLease {
  /** Bootstrap addresses (host:port). */
  brokers: string[];
  release(): Promise<void>;
}

/** The project's broker with the test options, in `dataDir`. */
export function startTestBroker(dataDir: string): Promise<RunningBroker> {
  return startBroker(testBrokerOptions(dataDir));
}

const local = new SharedServer<string[]>(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'bcci-kafka-'));
  const starting = startTestBroker(root);
  return {
    value: starting.then((broker) => [broker.bootstrap]),
    stop: async () => {
      await (await starting).stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
});

/**
 * The Kafka for this test file: KAFKA_BROKERS (an external cluster, shared: run such suites one file at
 * a time) or the project's broker started for this file alone, so no other file's services consume
 * this file's events on the contracts' fixed topic names.
 */
export async function acquireTestKafka(): Promise<TestKafkaLease> {
  const shared = process.env[EXTERNAL_KAFKA_BROKERS_ENV];
  if (shared) return { brokers: shared.split(','), release: async () => undefined };
  const lease = await local.acquire();
  return { brokers: lease.value, release: lease.release };
}
