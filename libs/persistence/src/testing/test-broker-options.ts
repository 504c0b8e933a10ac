import type { BrokerOptions } from '@bcci/kafka-broker';

/** The project's broker tuned for tests: no fsync, short session timeouts allowed, quiet logs. */
export function testBrokerOptions(dataDir: string): BrokerOptions {
  return { dataDir, port: 0, fsync: 'never', minSessionTimeoutMs: 1000, initialRebalanceDelayMs: 0, logLevel: 'warn' };
}
