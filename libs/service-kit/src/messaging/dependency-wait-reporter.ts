import type { DependencyWaitListener } from '@bcci/messaging';
import type { ServiceMetrics } from '../metrics/service-metrics';

interface Log {
  warn(message: string): void;
  log(message: string): void;
}

/**
 * What operators see of a consumer waiting on a dependency: a warning when it starts, a line when it is
 * over (never one per retry: an outage of minutes would flood the log), the waiting gauge and the
 * retries counter. Readiness reads the consumer's own state (EventConsumer.waitingOnDependency).
 */
export function dependencyWaitReporter(consumer: string, metrics: ServiceMetrics, logger: Log): DependencyWaitListener {
  return {
    waiting: (reason, held) => {
      metrics.consumerWaitingOnDependency.set(1);
      logger.warn(
        `consumer ${consumer} waiting on a dependency: ${reason}; holding ${held.topic}@${held.partition}:${held.offset} ` +
          '(not dead-lettered) and retrying with backoff until it answers',
      );
    },
    retried: () => metrics.consumerDependencyRetries.inc(),
    recovered: (waitedMs, retries) => {
      metrics.consumerWaitingOnDependency.set(0);
      logger.log(`consumer ${consumer} resumed: the dependency answered after ${seconds(waitedMs)} and ${retries} failed attempt(s)`);
    },
    abandoned: (waitedMs) => {
      metrics.consumerWaitingOnDependency.set(0);
      logger.warn(`consumer ${consumer} stopped waiting after ${seconds(waitedMs)} (stopping or partition revoked); the held message will be redelivered`);
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
