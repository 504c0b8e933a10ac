import type { Actor } from '@bcci/auth';
import { transactionWithRetry } from '@bcci/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { returnNotFound, timeInFuture } from '../domain/returns.errors';
import type { ReturnJourney } from '../domain/return-journey.rules';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import type { Clock } from './clock';
import type { IdempotencyRunner } from './idempotency-runner';
import { assertMayActOn } from './return-scope';
import type { Causation } from './returns-events';

/** What every courier or clerk command on one dossier's return carries. */
export interface ReturnCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly idempotencyKey?: string;
  /** The request's id, the causation id of the events it produces. */
  readonly requestId: string;
  readonly traceparent?: string;
}

export interface ReturnStep {
  readonly manager: EntityManager;
  readonly ret: ReturnOrmEntity;
  readonly now: Date;
  readonly causation: Causation;
}

/**
 * The transaction boundary of a command on one return: the row locked (concurrent commands on one
 * dossier queue up), 404 if unknown, 403 outside the caller's postal point, the Idempotency-Key
 * answered from the store on a retry; the step writes state and outbox together. The lock is what lets
 * two commands sent at once (an attempt and the delivery) tell one story: the second reads what the
 * first wrote (test/return-races.int-spec.ts). A deadlock or serialization failure reruns the whole step.
 */
export class ReturnCommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyRunner,
  ) {}

  run<T>(scope: string, command: ReturnCommand, request: unknown, step: (context: ReturnStep) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, (manager) =>
      this.idempotency.run(
        manager,
        `${scope}:${command.actor.subject}`,
        command.idempotencyKey,
        async () => {
          const ret = await manager.findOne(ReturnOrmEntity, { where: { dossierId: command.dossierId }, lock: { mode: 'pessimistic_write' } });
          if (!ret || !ret.legId) throw returnNotFound(command.dossierId);
          assertMayActOn(command.actor, ret);
          const now = this.clock.now();
          return step({
            manager,
            ret,
            now,
            causation: { correlationId: ret.correlationId, causationId: command.requestId, ...(command.traceparent ? { traceparent: command.traceparent } : {}) },
          });
        },
        { dossierId: command.dossierId, request },
      ),
    );
  }
}

export function journeyOf(ret: ReturnOrmEntity): ReturnJourney {
  return {
    status: ret.status,
    deliveryMode: ret.deliveryMode ?? 'HOME',
    invitations: ret.invitations.map((at) => new Date(at)),
    lastStepAt: ret.lastStepAt,
  };
}

/** A time a courier or clerk reports cannot be in the future (a minute of clock drift allowed). */
export function assertNotInFuture(field: string, at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + 60_000) throw timeInFuture(field);
}
