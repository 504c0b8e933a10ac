import type { EntityManager } from 'typeorm';
import { EventType, type Actor as EventActor, type SupplementCompletedData } from '@bcci/contracts';
import { ForbiddenError } from '@bcci/kernel';
import { completeSupplement } from '../../dossiers/domain/agency-dossier.rules';
import type { DeadlinePolicyResolver } from '../../dossiers/application/deadline-policy.resolver';
import type { AgencyDecisionRunner, DecisionResult } from './agency-decision.runner';

export interface CompleteSupplementCommand {
  commandId: string;
  dossierId: string;
  /** The clerk's postal point: only the postal point that took the dossier in receives its supplement. */
  postalCode: string;
  clerkSubject: string;
  actor: EventActor;
  submissionChannel: SupplementCompletedData['submissionChannel'];
  traceparent?: string;
}

/** The supplement is complete: new legal filing time, the agency clock restarts from zero. */
export class CompleteSupplementUseCase {
  constructor(
    private readonly runner: AgencyDecisionRunner,
    private readonly policies: DeadlinePolicyResolver,
  ) {}

  execute(command: CompleteSupplementCommand, manager?: EntityManager): Promise<DecisionResult> {
    return this.runner.run(
      {
        commandId: command.commandId,
        dossierId: command.dossierId,
        kind: 'complete-supplement',
        issuer: command.clerkSubject,
        channel: 'HTTP',
        traceparent: command.traceparent,
        authorize: (state) => {
          if (state.intakePostalCode !== command.postalCode) {
            throw new ForbiddenError({
              code: 'scope.postal-point',
              message: `Dossier ${command.dossierId} was not taken in at postal point ${command.postalCode}`,
              messageVi: 'Hồ sơ không do điểm phục vụ bưu chính của bạn tiếp nhận.',
            });
          }
        },
      },
      {
        type: EventType.SupplementCompleted,
        decide: (state, now) => completeSupplement(state, { now, actor: command.actor, submissionChannel: command.submissionChannel }, this.policies.policyFor(state, now)),
      },
      manager,
    );
  }
}
