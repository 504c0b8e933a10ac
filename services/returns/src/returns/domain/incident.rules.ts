import type { PartyKind } from './delivery-failure-reason';
import type { ReturnDecision, ReturnState, StepActor, StepContext } from './return';
import { ACTIVE_STATUSES } from './return-status';
import { incidentLegMissing } from './returns.errors';
import { assertNotInFuture } from './step-time.rule';

export const INCIDENT_KINDS = ['LOSS', 'DAMAGE'] as const;
export const AFFECTED_ITEMS = ['DOSSIER', 'RESULT', 'REFUSAL_SLIP', 'DOCUMENTS_TAKEN_BACK'] as const;
export const LEG_DIRECTIONS = ['TO_AGENCY', 'TO_RECIPIENT'] as const;

export interface IncidentCommand {
  readonly legDirection: (typeof LEG_DIRECTIONS)[number];
  readonly kind: (typeof INCIDENT_KINDS)[number];
  readonly affectedItem: (typeof AFFECTED_ITEMS)[number];
  readonly partyAtFault: PartyKind;
  /** Integer VND. */
  readonly cost: number;
  readonly compensation: number;
  readonly occurredAt: Date;
  readonly description: string;
  /** The postal point that draws up the record (the reporting clerk's or courier's). */
  readonly postalCode: string;
  readonly actor: StepActor;
}

export interface IncidentContext extends StepContext {
  /** The record's id: the rules cannot make one up and stay pure. */
  readonly incidentId: string;
}

/**
 * The incident record of a loss or damage (QĐ 45 Đ14): what, the party at fault, the cost and the
 * compensation. An incident on the way back needs a return leg (422 otherwise). A result (or refusal
 * slip) lost while its leg still travels ends the leg (LOST): nothing can be delivered any more, the
 * agency has to issue it again. Documents taken back and lost do not stop the leg, nor does damage.
 */
export function recordIncident(state: ReturnState, command: IncidentCommand, context: IncidentContext): ReturnDecision {
  assertNotInFuture('occurredAt', command.occurredAt, context.now);
  const onReturnLeg = command.legDirection === 'TO_RECIPIENT';
  if (onReturnLeg && !state.legId) throw incidentLegMissing();
  const lost = onReturnLeg && command.kind === 'LOSS' && command.affectedItem !== 'DOCUMENTS_TAKEN_BACK' && ACTIVE_STATUSES.includes(state.status);
  return {
    state: lost ? { ...state, status: 'LOST' } : state,
    events: [
      {
        type: 'bcci.returns.incident-recorded.v1',
        data: {
          dossierId: state.dossierId,
          incidentId: context.incidentId,
          ...(onReturnLeg ? { legId: state.legId!, s10ItemId: state.s10ItemId! } : {}),
          legDirection: command.legDirection,
          kind: command.kind,
          affectedItem: command.affectedItem,
          partyAtFault: command.partyAtFault,
          cost: command.cost,
          compensation: command.compensation,
          occurredAt: command.occurredAt.toISOString(),
          recordedAt: context.now.toISOString(),
          postalCode: command.postalCode,
          description: command.description,
          actor: command.actor,
        },
      },
    ],
    record: {
      kind: 'incident',
      id: context.incidentId,
      dossierId: state.dossierId,
      legDirection: command.legDirection,
      incidentKind: command.kind,
      affectedItem: command.affectedItem,
      partyAtFault: command.partyAtFault,
      cost: command.cost,
      compensation: command.compensation,
      occurredAt: command.occurredAt,
      recordedAt: context.now,
      postalCode: command.postalCode,
      description: command.description,
      actorRole: command.actor.role,
      actorRef: command.actor.ref,
    },
  };
}
