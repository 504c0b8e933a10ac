import type { Actor } from '@bcci/auth';
import type { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import type { DataSource } from 'typeorm';
import type { ReturnDecision, ReturnState } from '../domain/return';
import { returnNotFound } from '../domain/returns.errors';
import type { ReturnRepository } from '../persistence/return.repository';
import type { Clock } from './clock';
import type { IdempotencyRunner } from './idempotency-runner';
import { writeReturnDecision } from './return-decision.writer';
import { assertMayActOn } from './return-scope';
import { returnView, type ReturnView } from './return.view';

/** What every courier or clerk command on one dossier's return carries. */
export interface ReturnCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly idempotencyKey?: string;
  /** The request's id, the causation id of the events it produces. */
  readonly requestId: string;
  readonly traceparent?: string;
}

/** A step's rule: the return as it stands and the service's time in, the decision out (domain/*.rules.ts). */
export type ReturnStepRule = (state: ReturnState, now: Date) => ReturnDecision;

/**
 * The transaction boundary of a command on one return: the row locked (concurrent commands on one
 * dossier queue up), 404 if unknown, 403 outside the caller's postal point, the Idempotency-Key
 * answered from the store on a retry; then the rule decides and its decision is written (state, record
 * and outbox together). The lock is what lets two commands sent at once (an attempt and the delivery)
 * tell one story: the second reads what the first wrote (test/return-races.int-spec.ts). A deadlock or
 * serialization failure reruns the whole step.
 */
export class ReturnCommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly returns: ReturnRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyRunner,
  ) {}

  run(scope: string, command: ReturnCommand, request: unknown, rule: ReturnStepRule): Promise<ReturnView> {
    return transactionWithRetry(this.dataSource, (manager) =>
      this.idempotency.run(
        manager,
        `${scope}:${command.actor.subject}`,
        command.idempotencyKey,
        async () => {
          const state = await this.returns.lock(manager, command.dossierId);
          if (!state || !state.legId) throw returnNotFound(command.dossierId);
          assertMayActOn(command.actor, state);
          const now = this.clock.now();
          const decision = rule(state, now);
          const causation = { correlationId: state.correlationId, causationId: command.requestId, ...(command.traceparent ? { traceparent: command.traceparent } : {}) };
          await writeReturnDecision(manager, { returns: this.returns, outbox: this.outbox }, state, decision, causation, now);
          return returnView(decision.state);
        },
        { dossierId: command.dossierId, request },
      ),
    );
  }
}
