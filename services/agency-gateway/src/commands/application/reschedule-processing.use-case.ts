import type { EntityManager } from 'typeorm';
import { EventType, type DocumentRef } from '@bcci/contracts';
import { toVietnamDate } from '@bcci/kernel';
import { reschedule } from '../../dossiers/domain/agency-dossier.rules';
import type { DeadlinePolicyResolver } from '../../dossiers/application/deadline-policy.resolver';
import type { AgencyDecisionRunner, DecisionResult } from './agency-decision.runner';
import { agencyContext, type AgencyCommand } from './agency-command';

export interface RescheduleProcessingInput {
  newDueDate: string;
  reason: string;
  apologySlip?: DocumentRef;
}

/** Apology slip with a new return date (Mẫu 04), at the latest one day before the due date, once. */
export class RescheduleProcessingUseCase {
  constructor(
    private readonly runner: AgencyDecisionRunner,
    private readonly policies: DeadlinePolicyResolver,
  ) {}

  execute(command: AgencyCommand<RescheduleProcessingInput>, manager?: EntityManager): Promise<DecisionResult> {
    return this.runner.run(
      agencyContext(command, 'reschedule-processing'),
      {
        type: EventType.ProcessingRescheduled,
        decide: (state, now) => reschedule(state, { now, actor: command.actor, ...command.input }, this.policies.calendarOf(state.agencyId, toVietnamDate(now))),
      },
      manager,
    );
  }
}
