import type { EntityManager } from 'typeorm';
import { EventType, type DocumentRef, type DocumentToTakeBack, type ResultIssuedData } from '@bcci/contracts';
import { issueResult } from '../../dossiers/domain/agency-dossier.rules';
import { derivedUuid } from '../../shared/derived-uuid';
import type { AgencyDecisionRunner, DecisionResult } from './agency-decision.runner';
import { agencyContext, type AgencyCommand } from './agency-command';

export interface IssueResultInput {
  resultId?: string;
  resultKind: ResultIssuedData['resultKind'];
  medium: ResultIssuedData['medium'];
  document?: DocumentRef;
  resultReference?: string;
  feesOwed: number;
  documentsToTakeBack?: DocumentToTakeBack[];
}

/** The result (document or reference, digital or paper, fees still owed) → result-issued (9, or 6). */
export class IssueResultUseCase {
  constructor(private readonly runner: AgencyDecisionRunner) {}

  execute(command: AgencyCommand<IssueResultInput>, manager?: EntityManager): Promise<DecisionResult> {
    const { resultId, ...input } = command.input;
    return this.runner.run(
      agencyContext(command, 'issue-result'),
      {
        type: EventType.ResultIssued,
        decide: (state, now) => issueResult(state, { now, actor: command.actor, resultId: resultId ?? derivedUuid(`result:${command.commandId}`), ...input }),
      },
      manager,
    );
  }
}
