import type { EntityManager } from 'typeorm';
import { EventType } from '@bcci/contracts';
import { signHandover } from '../../dossiers/domain/agency-dossier.rules';
import type { DeadlinePolicyResolver } from '../../dossiers/application/deadline-policy.resolver';
import type { AgencyDecisionRunner, DecisionResult } from './agency-decision.runner';
import { agencyContext, type AgencyCommand } from './agency-command';

export interface SignHandoverInput {
  batchId?: string;
  handoverRecordId?: string;
  dossierCode?: string;
}

/** The agency signs the handover record → handover-acknowledged (national status 2), clock started. */
export class SignHandoverUseCase {
  constructor(
    private readonly runner: AgencyDecisionRunner,
    private readonly policies: DeadlinePolicyResolver,
  ) {}

  execute(command: AgencyCommand<SignHandoverInput>, manager?: EntityManager): Promise<DecisionResult> {
    return this.runner.run(
      agencyContext(command, 'sign-handover'),
      {
        type: EventType.HandoverAcknowledged,
        decide: (state, now) => signHandover(state, { now, actor: command.actor, ...command.input }, this.policies.policyFor(state, now)),
      },
      manager,
    );
  }
}
