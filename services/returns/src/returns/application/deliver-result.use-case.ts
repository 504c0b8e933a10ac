import { deliverResult } from '../domain/delivery.rules';
import type { DocumentCount } from '../domain/documents-taken-back.rule';
import type { IdentityDocumentType, RecipientKind } from '../domain/recipient-identity.rule';
import { eventActorOf } from './event-actor';
import type { ReturnCommand, ReturnCommandRunner } from './return-command';
import type { ReturnView } from './return.view';

export interface DeliverResult extends ReturnCommand {
  readonly deliveredAt: Date;
  readonly recipientKind: RecipientKind;
  readonly identityDocumentType: IdentityDocumentType;
  readonly identityMatches: boolean;
  readonly authorisationRef?: string;
  readonly takenBackDocuments: readonly DocumentCount[];
  readonly feesCollected: number;
}

/** The handover to the recipient, national status 10 (rule: deliverResult in domain/delivery.rules.ts). */
export class DeliverResultUseCase {
  constructor(private readonly runner: ReturnCommandRunner) {}

  execute(command: DeliverResult): Promise<ReturnView> {
    const request = {
      deliveredAt: command.deliveredAt.toISOString(),
      recipientKind: command.recipientKind,
      identityDocumentType: command.identityDocumentType,
      identityMatches: command.identityMatches,
      authorisationRef: command.authorisationRef ?? null,
      takenBackDocuments: command.takenBackDocuments,
      feesCollected: command.feesCollected,
    };
    const actor = eventActorOf(command.actor);
    return this.runner.run('returns.delivery', command, request, (state, now) =>
      deliverResult(
        state,
        {
          deliveredAt: command.deliveredAt,
          recipientKind: command.recipientKind,
          identityDocumentType: command.identityDocumentType,
          identityMatches: command.identityMatches,
          ...(command.authorisationRef ? { authorisationRef: command.authorisationRef } : {}),
          takenBackDocuments: command.takenBackDocuments,
          feesCollected: command.feesCollected,
          actor,
        },
        { now },
      ),
    );
  }
}
