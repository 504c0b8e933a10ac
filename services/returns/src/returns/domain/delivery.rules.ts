import { defaultRedeliveryCostBearer, type DeliveryFailureReason, type PartyKind } from './delivery-failure-reason';
import { assertDocumentsTakenBack, type DocumentCount } from './documents-taken-back.rule';
import { assertFeesCollected } from './fees-on-delivery.rule';
import { assertRecipientIdentity, type IdentityDocumentType, type RecipientKind } from './recipient-identity.rule';
import type { ReturnDecision, ReturnEvent, ReturnState, StepActor, StepContext } from './return';
import { assertCanDeliver, journeyOf, planFailedAttempt } from './return-journey.rules';
import { wrongDeliveryMode } from './returns.errors';
import { assertNotInFuture } from './step-time.rule';

export interface FailedAttemptCommand {
  readonly attemptedAt: Date;
  readonly reasonCode: DeliveryFailureReason;
  /** Who bears the cost of delivering again; by default from the reason (QĐ 45 Đ12.4). */
  readonly costBorneBy?: PartyKind;
  readonly invitationLeft: boolean;
  readonly note?: string;
  readonly actor: StepActor;
}

/**
 * A failed home delivery (UPU EMH) is an invitation. The second must come two working days after the
 * first (422 otherwise); when it fails too, the result goes back to the agency in the same step
 * (result-returned-to-agency), so no result waits in a courier's bag for someone to remember it.
 */
export function recordFailedAttempt(state: ReturnState, command: FailedAttemptCommand, context: StepContext): ReturnDecision {
  assertNotInFuture('attemptedAt', command.attemptedAt, context.now);
  const plan = planFailedAttempt(journeyOf(state), command.attemptedAt);
  const at = command.attemptedAt;
  const costBorneBy = command.costBorneBy ?? defaultRedeliveryCostBearer(command.reasonCode);
  const next: ReturnState = {
    ...state,
    status: plan.returnsToAgency ? 'RETURNED_TO_AGENCY' : 'ATTEMPTED',
    invitations: [...state.invitations, at.toISOString()],
    lastStepAt: at,
    returnedAt: plan.returnsToAgency ? at : null,
  };
  const events: ReturnEvent[] = [
    {
      type: 'bcci.returns.delivery-attempted.v1',
      data: {
        dossierId: state.dossierId,
        legId: state.legId!,
        s10ItemId: state.s10ItemId!,
        attemptNumber: plan.attemptNumber,
        attemptedAt: at.toISOString(),
        postalCode: state.destinationPostalCode!,
        eventCode: 'EMH',
        reasonCode: command.reasonCode,
        ...(command.note ? { note: command.note } : {}),
        invitationLeft: command.invitationLeft,
        ...(plan.nextAttemptNotBefore ? { nextAttemptNotBefore: plan.nextAttemptNotBefore } : {}),
        deliveryMode: 'HOME',
        redeliveryCostBorneBy: costBorneBy,
        actor: command.actor,
      },
    },
  ];
  if (plan.returnsToAgency) {
    events.push({
      type: 'bcci.returns.result-returned-to-agency.v1',
      data: {
        dossierId: state.dossierId,
        legId: state.legId!,
        s10ItemId: state.s10ItemId!,
        agencyId: state.agencyId!,
        returnedAt: at.toISOString(),
        reason: command.reasonCode === 'REFUSED' ? 'REFUSED_BY_RECIPIENT' : 'DELIVERY_FAILED_TWICE',
        attempts: plan.attemptNumber,
        actor: command.actor,
      },
    });
  }
  return {
    state: next,
    events,
    record: {
      kind: 'delivery-attempt',
      dossierId: state.dossierId,
      attemptNumber: plan.attemptNumber,
      attemptedAt: at,
      postalCode: state.destinationPostalCode!,
      reasonCode: command.reasonCode,
      costBorneBy,
      invitationLeft: command.invitationLeft,
      note: command.note ?? null,
      actorRole: command.actor.role,
      actorRef: command.actor.ref,
    },
  };
}

export interface DeliveryCommand {
  readonly deliveredAt: Date;
  readonly recipientKind: RecipientKind;
  readonly identityDocumentType: IdentityDocumentType;
  readonly identityMatches: boolean;
  readonly authorisationRef?: string;
  readonly takenBackDocuments: readonly DocumentCount[];
  readonly feesCollected: number;
  readonly actor: StepActor;
}

/**
 * The handover to the recipient (TT 17/2017 Đ5.2.d–e, UPU EMI, national status 10): ID checked (type and
 * match only), a proxy's authorisation, the documents the agency wants back, the fees still owed
 * collected to the đồng. Home deliveries are the courier's, counter hand-overs the clerk's.
 */
export function deliverResult(state: ReturnState, command: DeliveryCommand, context: StepContext): ReturnDecision {
  assertNotInFuture('deliveredAt', command.deliveredAt, context.now);
  const mode = state.deliveryMode!;
  if (mode === 'COUNTER' && command.actor.role !== 'POSTAL_CLERK') throw wrongDeliveryMode('deliver by courier', mode);
  if (mode === 'HOME' && command.actor.role !== 'COURIER') throw wrongDeliveryMode('hand over at the counter', mode);
  assertCanDeliver(journeyOf(state), command.deliveredAt);
  assertRecipientIdentity({
    recipientKind: command.recipientKind,
    documentType: command.identityDocumentType,
    matches: command.identityMatches,
    ...(command.authorisationRef ? { authorisationRef: command.authorisationRef } : {}),
  });
  assertFeesCollected(state.feesOwed ?? 0, command.feesCollected);
  assertDocumentsTakenBack(state.documentsToTakeBack, command.takenBackDocuments);

  const at = command.deliveredAt;
  const takenBack = command.takenBackDocuments.map((doc) => ({ documentCode: doc.documentCode, ...(doc.title ? { title: doc.title } : {}), count: doc.count }));
  return {
    state: { ...state, status: 'DELIVERED', deliveredAt: at, lastStepAt: at },
    events: [
      {
        type: 'bcci.returns.result-delivered.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId!,
          s10ItemId: state.s10ItemId!,
          deliveredAt: at.toISOString(),
          postalCode: state.destinationPostalCode!,
          deliveryMode: mode,
          eventCode: 'EMI',
          recipientKind: command.recipientKind,
          identityCheck: { documentType: command.identityDocumentType, verified: true },
          ...(command.authorisationRef ? { authorisationRef: command.authorisationRef } : {}),
          documentsTakenBack: takenBack.reduce((sum, doc) => sum + doc.count, 0),
          ...(takenBack.length > 0 ? { takenBackDocuments: takenBack } : {}),
          feesCollected: command.feesCollected,
          actor: command.actor,
        },
      },
    ],
    record: {
      kind: 'delivery',
      dossierId: state.dossierId,
      deliveredAt: at,
      postalCode: state.destinationPostalCode!,
      recipientKind: command.recipientKind,
      identityDocumentType: command.identityDocumentType,
      authorisationRef: command.authorisationRef ?? null,
      takenBackDocuments: takenBack,
      feesCollected: command.feesCollected,
      actorRole: command.actor.role,
      actorRef: command.actor.ref,
    },
  };
}
