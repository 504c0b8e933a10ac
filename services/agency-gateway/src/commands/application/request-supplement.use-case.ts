import type { EntityManager } from 'typeorm';
import { EventType, type DocumentRef, type SupplementRequestedData } from '@bcci/contracts';
import { toVietnamDate } from '@bcci/kernel';
import { requestSupplement } from '../../dossiers/domain/agency-dossier.rules';
import type { DeadlinePolicyResolver } from '../../dossiers/application/deadline-policy.resolver';
import { derivedUuid } from '../../shared/derived-uuid';
import type { AgencyDecisionRunner, DecisionResult } from './agency-decision.runner';
import { agencyContext, type AgencyCommand } from './agency-command';

export interface RequestSupplementInput {
  requestedComponents: SupplementRequestedData['requestedComponents'];
  reason: string;
  notice?: DocumentRef;
}

/** Supplement request (Mẫu 02): refused after 3 working days from the filing time; pauses the clock. */
export class RequestSupplementUseCase {
  constructor(
    private readonly runner: AgencyDecisionRunner,
    private readonly policies: DeadlinePolicyResolver,
  ) {}

  execute(command: AgencyCommand<RequestSupplementInput>, manager?: EntityManager): Promise<DecisionResult> {
    return this.runner.run(
      agencyContext(command, 'request-supplement'),
      {
        type: EventType.SupplementRequested,
        decide: (state, now) =>
          requestSupplement(
            state,
            { now, actor: command.actor, supplementRequestId: derivedUuid(`supplement:${command.commandId}`), ...command.input },
            this.policies.calendarOf(state.agencyId, toVietnamDate(now)),
          ),
      },
      manager,
    );
  }
}
