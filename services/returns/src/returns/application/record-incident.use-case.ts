import type { Actor } from '@bcci/auth';
import type { OutboxWriter } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PartyKind } from '../domain/delivery-failure-reason';
import { incidentLegMissing, returnNotFound } from '../domain/returns.errors';
import { ACTIVE_STATUSES } from '../domain/return-status';
import { IncidentOrmEntity } from '../persistence/incident.orm-entity';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import type { Clock } from './clock';
import { eventActorOf } from './event-actor';
import type { IdempotencyRunner } from './idempotency-runner';
import { assertNotInFuture } from './return-command';
import { assertMayActOn } from './return-scope';
import { returnsOutboxEntry } from './returns-events';

export const INCIDENT_KINDS = ['LOSS', 'DAMAGE'] as const;
export const AFFECTED_ITEMS = ['DOSSIER', 'RESULT', 'REFUSAL_SLIP', 'DOCUMENTS_TAKEN_BACK'] as const;
export const LEG_DIRECTIONS = ['TO_AGENCY', 'TO_RECIPIENT'] as const;

export interface RecordIncident {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly legDirection: (typeof LEG_DIRECTIONS)[number];
  readonly kind: (typeof INCIDENT_KINDS)[number];
  readonly affectedItem: (typeof AFFECTED_ITEMS)[number];
  readonly partyAtFault: PartyKind;
  readonly cost: number;
  readonly compensation: number;
  readonly occurredAt: Date;
  readonly description: string;
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
 * The incident record of a loss or damage (QĐ 45 Đ14): what, the party at fault, the cost and the
 * compensation, in integer VND. A result lost on the way back ends the leg (LOST): nothing can be
 * delivered any more, the agency has to issue it again.
 */
export class RecordIncidentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyRunner,
  ) {}

  execute(command: RecordIncident): Promise<IncidentView> {
    const { actor, idempotencyKey, requestId, traceparent, ...fingerprint } = command;
    return this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        `returns.incident:${actor.subject}`,
        idempotencyKey,
        async () => {
          const now = this.clock.now();
          assertNotInFuture('occurredAt', command.occurredAt, now);
          const ret = await manager.findOne(ReturnOrmEntity, { where: { dossierId: command.dossierId }, lock: { mode: 'pessimistic_write' } });
          if (!ret) throw returnNotFound(command.dossierId);
          assertMayActOn(actor, ret);
          const onReturnLeg = command.legDirection === 'TO_RECIPIENT';
          if (onReturnLeg && !ret.legId) throw incidentLegMissing();

          const eventActor = eventActorOf(actor);
          const incidentId = randomUUID();
          await manager.insert(IncidentOrmEntity, {
            id: incidentId,
            dossierId: ret.dossierId,
            legDirection: command.legDirection,
            kind: command.kind,
            affectedItem: command.affectedItem,
            partyAtFault: command.partyAtFault,
            cost: command.cost,
            compensation: command.compensation,
            occurredAt: command.occurredAt,
            recordedAt: now,
            postalCode: actor.postalCode!,
            description: command.description,
            actorRole: eventActor.role,
            actorRef: eventActor.ref,
          });
          const lost = onReturnLeg && command.kind === 'LOSS' && command.affectedItem !== 'DOCUMENTS_TAKEN_BACK' && ACTIVE_STATUSES.includes(ret.status);
          const status = lost ? 'LOST' : ret.status;
          if (lost) await manager.save(ReturnOrmEntity, { ...ret, status, updatedAt: now });
          await this.outbox.append(
            manager,
            returnsOutboxEntry(
              'bcci.returns.incident-recorded.v1',
              {
                dossierId: ret.dossierId,
                incidentId,
                ...(onReturnLeg ? { legId: ret.legId!, s10ItemId: ret.s10ItemId! } : {}),
                legDirection: command.legDirection,
                kind: command.kind,
                affectedItem: command.affectedItem,
                partyAtFault: command.partyAtFault,
                cost: command.cost,
                compensation: command.compensation,
                occurredAt: command.occurredAt.toISOString(),
                recordedAt: now.toISOString(),
                postalCode: actor.postalCode!,
                description: command.description,
                actor: eventActor,
              },
              { correlationId: ret.correlationId, causationId: requestId, ...(traceparent ? { traceparent } : {}) },
              now,
            ),
          );
          return { incidentId, dossierId: ret.dossierId, kind: command.kind, partyAtFault: command.partyAtFault, cost: command.cost, compensation: command.compensation, returnStatus: status };
        },
        { ...fingerprint, occurredAt: command.occurredAt.toISOString() },
      ),
    );
  }
}
