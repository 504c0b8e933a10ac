import type { Actor } from '@bcci/auth';
import type { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { recordIncident, type IncidentCommand } from '../domain/incident.rules';
import { returnNotFound } from '../domain/returns.errors';
import { assertNotInFuture } from '../domain/step-time.rule';
import type { ReturnRepository } from '../persistence/return.repository';
import type { Clock } from './clock';
import { eventActorOf } from './event-actor';
import type { IdempotencyRunner } from './idempotency-runner';
import { writeReturnDecision } from './return-decision.writer';
import { assertMayActOn } from './return-scope';

export interface RecordIncident extends Omit<IncidentCommand, 'postalCode' | 'actor'> {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly idempotencyKey?: string;
  readonly requestId: string;
  readonly traceparent?: string;
}

export interface IncidentView {
  readonly incidentId: string;
  readonly dossierId: string;
  readonly kind: string;
  readonly partyAtFault: string;
  readonly cost: number;
  readonly compensation: number;
  readonly returnStatus: string;
}

/**
 * The incident record of a loss or damage (rule: domain/incident.rules.ts), under the return's lock so
 * a loss and a courier's step at the same moment are ordered. A deadlock or serialization failure
 * reruns the whole step.
 */
export class RecordIncidentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly returns: ReturnRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyRunner,
  ) {}

  execute(command: RecordIncident): Promise<IncidentView> {
    const { actor, dossierId, idempotencyKey, requestId, traceparent, ...incident } = command;
    const fingerprint = { dossierId, ...incident, occurredAt: command.occurredAt.toISOString() };
    return transactionWithRetry(this.dataSource, (manager) =>
      this.idempotency.run(
        manager,
        `returns.incident:${actor.subject}`,
        idempotencyKey,
        async () => {
          const now = this.clock.now();
          // Checked before the return is looked up, so a time in the future is a 400 whether or not the dossier is known.
          assertNotInFuture('occurredAt', command.occurredAt, now);
          const state = await this.returns.lock(manager, dossierId);
          if (!state) throw returnNotFound(dossierId);
          assertMayActOn(actor, state);
          const incidentId = randomUUID();
          const decision = recordIncident(state, { ...incident, postalCode: actor.postalCode!, actor: eventActorOf(actor) }, { now, incidentId });
          const causation = { correlationId: state.correlationId, causationId: requestId, ...(traceparent ? { traceparent } : {}) };
          await writeReturnDecision(manager, { returns: this.returns, outbox: this.outbox }, state, decision, causation, now);
          return {
            incidentId,
            dossierId,
            kind: command.kind,
            partyAtFault: command.partyAtFault,
            cost: command.cost,
            compensation: command.compensation,
            returnStatus: decision.state.status,
          };
        },
        fingerprint,
      ),
    );
  }
}
