import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ApiIdempotencyKey, IdempotencyKey } from '@bcci/service-kit';
import { toEventActor } from '../../shared/staff-ref';
import { derivedUuid } from '../../shared/derived-uuid';
import type { AgencyCommand } from '../application/agency-command';
import type { DecisionResult } from '../application/agency-decision.runner';
import { IssueResultUseCase } from '../application/issue-result.use-case';
import { RejectDossierUseCase } from '../application/reject-dossier.use-case';
import { RequestSupplementUseCase } from '../application/request-supplement.use-case';
import { RescheduleProcessingUseCase } from '../application/reschedule-processing.use-case';
import { SignHandoverBatchUseCase } from '../application/sign-handover-batch.use-case';
import { SignHandoverUseCase } from '../application/sign-handover.use-case';
import { commandIdFrom } from './command-id';
import {
  IssueResultRequest,
  RejectDossierRequest,
  RequestSupplementRequest,
  RescheduleProcessingRequest,
  SignHandoverBatchRequest,
  SignHandoverRequest,
} from './agency-decision.request.dto';

const uuid = new ParseUUIDPipe();

function command<T>(actor: Actor, dossierId: string, key: string | undefined, input: T): AgencyCommand<T> {
  return {
    commandId: commandIdFrom(actor.agencyId!, key),
    agencyId: actor.agencyId!,
    dossierId,
    actor: toEventActor('AGENCY_RECEIVER', actor.subject),
    channel: 'HTTP',
    input,
  };
}

/** Agency decisions over HTTP; the Kafka command topic calls the same use cases. */
@ApiTags('agency decisions')
@ApiBearerAuth()
@Roles('agency')
@Controller('agency')
export class AgencyDecisionsController {
  constructor(
    @Inject(SignHandoverBatchUseCase) private readonly signHandoverBatch: SignHandoverBatchUseCase,
    @Inject(SignHandoverUseCase) private readonly signHandover: SignHandoverUseCase,
    @Inject(RequestSupplementUseCase) private readonly requestSupplement: RequestSupplementUseCase,
    @Inject(RejectDossierUseCase) private readonly rejectDossier: RejectDossierUseCase,
    @Inject(RescheduleProcessingUseCase) private readonly reschedule: RescheduleProcessingUseCase,
    @Inject(IssueResultUseCase) private readonly issueResult: IssueResultUseCase,
  ) {}

  @Post('dossiers/:dossierId/handover-signature')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Sign the handover record of one dossier → handover-acknowledged (national status 2); starts the agency clock.' })
  @ApiResponse({ status: 409, description: 'Already signed, or not published yet.' })
  sign(@CurrentActor() actor: Actor, @Param('dossierId', uuid) dossierId: string, @Body() body: SignHandoverRequest, @IdempotencyKey() key?: string): Promise<DecisionResult> {
    return this.signHandover.execute(command(actor, dossierId, key, { ...body }));
  }

  @Post('handover-signatures')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Sign one handover record for a batch of dossiers: all or none (one transaction).' })
  async signBatch(@CurrentActor() actor: Actor, @Body() body: SignHandoverBatchRequest, @IdempotencyKey() key?: string): Promise<{ batchId: string; results: DecisionResult[] }> {
    const batchCommandId = commandIdFrom(actor.agencyId!, key);
    const batchId = body.batchId ?? derivedUuid(`batch:${batchCommandId}`);
    const commands = body.dossiers.map(({ dossierId, ...input }) => ({
      ...command(actor, dossierId, undefined, { ...input, batchId }),
      commandId: derivedUuid(`${batchCommandId}:${dossierId}`),
    }));
    return { batchId, results: await this.signHandoverBatch.execute(commands) };
  }

  @Post('dossiers/:dossierId/supplement-requests')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Request a supplement (Mẫu 02) → supplement-requested (5); the agency clock pauses.' })
  @ApiResponse({ status: 422, description: 'More than 3 working days after the legal filing time (NĐ 61/2018 Đ19.4).' })
  supplement(@CurrentActor() actor: Actor, @Param('dossierId', uuid) dossierId: string, @Body() body: RequestSupplementRequest, @IdempotencyKey() key?: string): Promise<DecisionResult> {
    const { requestedComponents, ...rest } = body;
    return this.requestSupplement.execute(
      command(actor, dossierId, key, { ...rest, requestedComponents: requestedComponents.map((c) => ({ ...c })) as [RequestSupplementRequest['requestedComponents'][number]] }),
    );
  }

  @Post('dossiers/:dossierId/rejection')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Reject with a reason (refusal slip, Mẫu 03) → dossier-rejected (3 at reception, 8 during processing).' })
  reject(@CurrentActor() actor: Actor, @Param('dossierId', uuid) dossierId: string, @Body() body: RejectDossierRequest, @IdempotencyKey() key?: string): Promise<DecisionResult> {
    return this.rejectDossier.execute(command(actor, dossierId, key, { ...body }));
  }

  @Post('dossiers/:dossierId/reschedule')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Apology slip with a new return date (Mẫu 04), at least one day before the due date, once → processing-rescheduled (4).' })
  @ApiResponse({ status: 409, description: 'Already rescheduled once.' })
  @ApiResponse({ status: 422, description: 'Too late (on or after the day before the due date) or the new date is not later.' })
  rescheduleProcessing(@CurrentActor() actor: Actor, @Param('dossierId', uuid) dossierId: string, @Body() body: RescheduleProcessingRequest, @IdempotencyKey() key?: string): Promise<DecisionResult> {
    return this.reschedule.execute(command(actor, dossierId, key, { ...body }));
  }

  @Post('dossiers/:dossierId/result')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Issue the result (document and/or reference, digital or paper, fees still owed) → result-issued (9, or 6 with fees owed).' })
  result(@CurrentActor() actor: Actor, @Param('dossierId', uuid) dossierId: string, @Body() body: IssueResultRequest, @IdempotencyKey() key?: string): Promise<DecisionResult> {
    return this.issueResult.execute(command(actor, dossierId, key, { ...body }));
  }
}
