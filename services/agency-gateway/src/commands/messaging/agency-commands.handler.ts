import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventType, type BcciEvent, type EventTypeName } from '@bcci/contracts';
import { isDomainError } from '@bcci/kernel';
import { NonRetriableError, type CloudEvent, type EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { AgencyCommand } from '../application/agency-command';
import { IssueResultUseCase } from '../application/issue-result.use-case';
import { RejectDossierUseCase } from '../application/reject-dossier.use-case';
import { RequestSupplementUseCase } from '../application/request-supplement.use-case';
import { RescheduleProcessingUseCase } from '../application/reschedule-processing.use-case';
import { SignHandoverUseCase } from '../application/sign-handover.use-case';

type CommandEvent<T extends EventTypeName> = BcciEvent<T>;

function commandOf<T extends EventTypeName, I>(event: CommandEvent<T>, context: EventContext, input: I): AgencyCommand<I> {
  const data = event.data as unknown as { commandId: string; agencyId: string; dossierId: string; actor: AgencyCommand<I>['actor'] };
  return {
    commandId: data.commandId,
    agencyId: data.agencyId,
    dossierId: data.dossierId,
    actor: data.actor,
    channel: 'KAFKA',
    input,
    correlationId: event.correlationid,
    causationId: event.id,
    traceparent: context.traceparent,
  };
}

/**
 * Agency commands from `bcci.agency.decisions.v1`: the same use cases as HTTP. A refused command (another
 * agency's dossier, a rule, a state conflict, an unknown dossier) cannot succeed by retrying: it goes to
 * the dead-letter topic with the refusal as the reason, and nothing is written.
 */
@Injectable()
export class AgencyCommandsHandler {
  constructor(
    @Inject(SignHandoverUseCase) private readonly signHandover: SignHandoverUseCase,
    @Inject(RequestSupplementUseCase) private readonly requestSupplement: RequestSupplementUseCase,
    @Inject(RejectDossierUseCase) private readonly rejectDossier: RejectDossierUseCase,
    @Inject(RescheduleProcessingUseCase) private readonly reschedule: RescheduleProcessingUseCase,
    @Inject(IssueResultUseCase) private readonly issueResult: IssueResultUseCase,
  ) {}

  @OnEvent(EventType.SignHandover)
  onSignHandover(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    const e = event as unknown as CommandEvent<typeof EventType.SignHandover>;
    const { batchId, handoverRecordId, dossierCode } = e.data;
    return refuseToDeadLetter(this.signHandover.execute(commandOf(e, context, { batchId, handoverRecordId, dossierCode }), manager));
  }

  @OnEvent(EventType.RequestSupplement)
  onRequestSupplement(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    const e = event as unknown as CommandEvent<typeof EventType.RequestSupplement>;
    const { requestedComponents, reason, notice } = e.data;
    return refuseToDeadLetter(this.requestSupplement.execute(commandOf(e, context, { requestedComponents, reason, notice }), manager));
  }

  @OnEvent(EventType.RejectDossier)
  onRejectDossier(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    const e = event as unknown as CommandEvent<typeof EventType.RejectDossier>;
    const { reasonCode, reason, refusalSlip } = e.data;
    return refuseToDeadLetter(this.rejectDossier.execute(commandOf(e, context, { reasonCode, reason, refusalSlip }), manager));
  }

  @OnEvent(EventType.RescheduleProcessing)
  onRescheduleProcessing(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    const e = event as unknown as CommandEvent<typeof EventType.RescheduleProcessing>;
    const { newDueDate, reason, apologySlip } = e.data;
    return refuseToDeadLetter(this.reschedule.execute(commandOf(e, context, { newDueDate, reason, apologySlip }), manager));
  }

  @OnEvent(EventType.IssueResult)
  onIssueResult(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    const e = event as unknown as CommandEvent<typeof EventType.IssueResult>;
    const { resultKind, medium, document, resultReference, feesOwed, documentsToTakeBack } = e.data;
    return refuseToDeadLetter(this.issueResult.execute(commandOf(e, context, { resultKind, medium, document, resultReference, feesOwed, documentsToTakeBack }), manager));
  }
}

async function refuseToDeadLetter(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) throw new NonRetriableError(`${error.kind} ${error.code}: ${error.message}`);
    throw error;
  }
}
