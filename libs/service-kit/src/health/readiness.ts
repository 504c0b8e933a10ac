import type { DependencyWaitState } from '@bcci/messaging';

export interface ReadinessChecks {
  database: boolean;
  kafka: boolean;
  /** Set while the consumer holds a message because a dependency is down. */
  consumerWait?: DependencyWaitState;
}

export type Readiness =
  | { ready: true; body: { status: 'ready'; database: 'up'; kafka: 'up' } }
  | { ready: false; message: string; details: Record<string, unknown> };

/**
 * Ready when the database and a broker answer and the consumer is flowing. A consumer still waiting
 * out an outage is not ready even once SELECT 1 works again: it has not caught up yet, and the reason
 * (what failed, since when, which message it holds) is what an operator looks for.
 */
export function readiness({ database, kafka, consumerWait }: ReadinessChecks): Readiness {
  if (database && kafka && !consumerWait) return { ready: true, body: { status: 'ready', database: 'up', kafka: 'up' } };
  const up = (ok: boolean) => (ok ? 'up' : 'down');
  const details: Record<string, unknown> = { database: up(database), kafka: up(kafka), consumer: consumerWait ? 'waiting-on-dependency' : 'flowing' };
  let message = `Not ready: database ${up(database)}, kafka ${up(kafka)}`;
  if (consumerWait) {
    const since = consumerWait.since.toISOString();
    details.consumerWait = { since, reason: consumerWait.reason, holding: consumerWait.holding, retries: consumerWait.retries };
    message += `, consumer waiting on a dependency since ${since} (${consumerWait.reason})`;
  }
  return { ready: false, message, details };
}
