import type { EntityManager } from 'typeorm';
import { EventType, type DocumentRef, type DossierRejectedData } from '@bcci/contracts';
import { reject } from '../../dossiers/domain/agency-dossier.rules';
import type { AgencyDecisionRunner, DecisionResult } from './agency-decision.runner';
import { agencyContext, type AgencyCommand } from './agency-command';

export interface RejectDossierInput {
  reasonCode: DossierRejectedData['reasonCode'];
  reason: string;
  refusalSlip?: DocumentRef;
}

/** Rejection with a reason (refusal slip, Mẫu 03): status 3 before the handover, 8 after it. */
export class RejectDossierUseCase {
  constructor(private readonly runner: AgencyDecisionRunner) {}

  execute(command: AgencyCommand<RejectDossierInput>, manager?: EntityManager): Promise<DecisionResult> {
    return this.runner.run(
      agencyContext(command, 'reject-dossier'),
      { type: EventType.DossierRejected, decide: (state, now) => reject(state, { now, actor: command.actor, ...command.input }) },
      manager,
    );
  }
}
