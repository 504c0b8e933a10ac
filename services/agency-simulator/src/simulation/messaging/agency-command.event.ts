import { buildEvent, EventType, type Actor, type BcciEvent } from '@bcci/contracts';
import { systemClock } from '@bcci/kernel';
import type { SimulatorCommand } from '../domain/simulator-command';
import type { DecisionCause } from '../application/decision-dispatcher.port';

/** The agency system itself acts (no person): the actor every simulated command carries. */
export function simulatorActor(agencyId: string): Actor {
  return { role: 'AGENCY_SYSTEM', ref: `agency-simulator:${agencyId}` };
}

/** A simulator command as the gateway's inbound command event (`bcci.agency.decisions.v1`). */
export function agencyCommandEvent(command: SimulatorCommand, cause: DecisionCause): BcciEvent {
  const base = { dossierId: command.dossierId, commandId: command.commandId, agencyId: command.agencyId, actor: simulatorActor(command.agencyId) };
  const chain = { correlationId: cause.correlationId, causationId: cause.causationId, time: systemClock.now() };
  switch (command.kind) {
    case 'sign-handover':
      return buildEvent({ type: EventType.SignHandover, data: base, ...chain });
    case 'issue-result':
      return buildEvent({
        type: EventType.IssueResult,
        data: { ...base, resultKind: command.resultKind, medium: command.medium, resultReference: command.resultReference, feesOwed: command.feesOwed },
        ...chain,
      });
    case 'request-supplement':
      return buildEvent({
        type: EventType.RequestSupplement,
        data: { ...base, requestedComponents: command.requestedComponents as [(typeof command.requestedComponents)[number]], reason: command.reason },
        ...chain,
      });
    case 'reject-dossier':
      return buildEvent({ type: EventType.RejectDossier, data: { ...base, reasonCode: command.reasonCode, reason: command.reason }, ...chain });
  }
}
