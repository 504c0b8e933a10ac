import type { Actor as EventActor } from '@bcci/contracts';
import { assertDossierOfAgency } from '../../dossiers/domain/agency-dossier.rules';
import type { DecisionContext, DecisionKind } from './agency-decision.runner';

/** What every agency command carries, from an HTTP request (token) or a Kafka record (command data). */
export interface AgencyCommand<T> {
  commandId: string;
  agencyId: string;
  dossierId: string;
  actor: EventActor;
  channel: 'HTTP' | 'KAFKA';
  input: T;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

export function agencyContext(command: AgencyCommand<unknown>, kind: DecisionKind): DecisionContext {
  return {
    commandId: command.commandId,
    dossierId: command.dossierId,
    kind,
    issuer: command.agencyId,
    channel: command.channel,
    authorize: (state) => assertDossierOfAgency(state, command.agencyId),
    correlationId: command.correlationId,
    causationId: command.causationId,
    traceparent: command.traceparent,
  };
}
