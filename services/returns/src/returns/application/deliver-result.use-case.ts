import type { OutboxWriter } from '@bcci/messaging';
import { wrongDeliveryMode } from '../domain/returns.errors';
import { assertDocumentsTakenBack } from '../domain/documents-taken-back.rule';
import { assertFeesCollected } from '../domain/fees-on-delivery.rule';
import { assertRecipientIdentity, type IdentityDocumentType, type RecipientKind } from '../domain/recipient-identity.rule';
import { assertCanDeliver } from '../domain/return-journey.rules';
import { DeliveryOrmEntity, type TakenBackDocument } from '../persistence/delivery.orm-entity';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import { eventActorOf } from './event-actor';
import { assertNotInFuture, journeyOf, type ReturnCommand, type ReturnCommandRunner } from './return-command';
import { returnsOutboxEntry } from './returns-events';
import { returnView, type ReturnView } from './return.view';

export interface DeliverResult extends ReturnCommand {
  readonly deliveredAt: Date;
  readonly recipientKind: RecipientKind;
  readonly identityDocumentType: IdentityDocumentType;
  readonly identityMatches: boolean;
  readonly authorisationRef?: string;
  readonly takenBackDocuments: readonly TakenBackDocument[];
  readonly feesCollected: number;
}

/**
 * The handover to the recipient (TT 17/2017 Đ5.2.d–e, UPU EMI, national status 10): ID checked (type and
 * match only), a proxy's authorisation, documents the agency wants back, the fees still owed collected
 * to the đồng. Home deliveries are the courier's, counter hand-overs the clerk's.
 */
export class DeliverResultUseCase {
  constructor(
    private readonly runner: ReturnCommandRunner,
    private readonly outbox: OutboxWriter,
  ) {}

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
    return this.runner.run('returns.delivery', command, request, async ({ manager, ret, now, causation }) => {
      assertNotInFuture('deliveredAt', command.deliveredAt, now);
      const mode = ret.deliveryMode!;
      if (mode === 'COUNTER' && command.actor.role !== 'clerk') throw wrongDeliveryMode('deliver by courier', mode);
      if (mode === 'HOME' && command.actor.role !== 'courier') throw wrongDeliveryMode('hand over at the counter', mode);
      assertCanDeliver(journeyOf(ret), command.deliveredAt);
      assertRecipientIdentity({
        recipientKind: command.recipientKind,
        documentType: command.identityDocumentType,
        matches: command.identityMatches,
        ...(command.authorisationRef ? { authorisationRef: command.authorisationRef } : {}),
      });
      assertFeesCollected(ret.feesOwed ?? 0, command.feesCollected);
      assertDocumentsTakenBack(ret.documentsToTakeBack, command.takenBackDocuments);

      const actor = eventActorOf(command.actor);
      const takenBack = command.takenBackDocuments.map((doc) => ({ documentCode: doc.documentCode, ...(doc.title ? { title: doc.title } : {}), count: doc.count }));
      await manager.insert(DeliveryOrmEntity, {
        dossierId: ret.dossierId,
        deliveredAt: command.deliveredAt,
        postalCode: ret.destinationPostalCode!,
        recipientKind: command.recipientKind,
        identityDocumentType: command.identityDocumentType,
        authorisationRef: command.authorisationRef ?? null,
        takenBackDocuments: takenBack,
        feesCollected: command.feesCollected,
        actorRole: actor.role,
        actorRef: actor.ref,
      });
      const updated: ReturnOrmEntity = { ...ret, status: 'DELIVERED', deliveredAt: command.deliveredAt, lastStepAt: command.deliveredAt, updatedAt: now };
      await manager.save(ReturnOrmEntity, updated);
      await this.outbox.append(
        manager,
        returnsOutboxEntry(
          'bcci.returns.result-delivered.v1',
          {
            dossierId: ret.dossierId,
            legId: ret.legId!,
            s10ItemId: ret.s10ItemId!,
            deliveredAt: command.deliveredAt.toISOString(),
            postalCode: ret.destinationPostalCode!,
            deliveryMode: mode,
            eventCode: 'EMI',
            recipientKind: command.recipientKind,
            identityCheck: { documentType: command.identityDocumentType, verified: true },
            ...(command.authorisationRef ? { authorisationRef: command.authorisationRef } : {}),
            documentsTakenBack: takenBack.reduce((sum, doc) => sum + doc.count, 0),
            ...(takenBack.length > 0 ? { takenBackDocuments: takenBack } : {}),
            feesCollected: command.feesCollected,
            actor,
          },
          causation,
          now,
        ),
      );
      return returnView(updated);
    });
  }
}
