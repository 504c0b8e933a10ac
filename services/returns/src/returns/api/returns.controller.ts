import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ApiIdempotencyKey, IdempotencyKey } from '@bcci/service-kit';
import { DeliverResultUseCase } from '../application/deliver-result.use-case';
import { GetReturnQuery } from '../application/get-return.query';
import { ListReturnsQuery } from '../application/list-returns.query';
import { PickUpAtAgencyUseCase } from '../application/pick-up-at-agency.use-case';
import { RecordDeliveryAttemptUseCase } from '../application/record-delivery-attempt.use-case';
import type { ReturnView } from '../application/return.view';
import { ReturnToAgencyUseCase } from '../application/return-to-agency.use-case';
import { SendCounterNoticeUseCase } from '../application/send-counter-notice.use-case';
import { CounterNoticeRequest } from './counter-notice.request.dto';
import { DeliverRequest } from './deliver.request.dto';
import { DeliveryAttemptRequest } from './delivery-attempt.request.dto';
import { ListReturnsRequest } from './list-returns.request.dto';
import { PickUpRequest } from './pick-up.request.dto';
import { requestTrace } from './request-trace';
import { ReturnToAgencyRequest } from './return-to-agency.request.dto';

type HttpRequest = { headers: Record<string, string | string[] | undefined> };

@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns')
export class ReturnsController {
  constructor(
    @Inject(PickUpAtAgencyUseCase) private readonly pickUp: PickUpAtAgencyUseCase,
    @Inject(RecordDeliveryAttemptUseCase) private readonly recordAttempt: RecordDeliveryAttemptUseCase,
    @Inject(DeliverResultUseCase) private readonly deliverResult: DeliverResultUseCase,
    @Inject(SendCounterNoticeUseCase) private readonly sendNotice: SendCounterNoticeUseCase,
    @Inject(ReturnToAgencyUseCase) private readonly returnToAgency: ReturnToAgencyUseCase,
    @Inject(GetReturnQuery) private readonly getReturn: GetReturnQuery,
    @Inject(ListReturnsQuery) private readonly listReturns: ListReturnsQuery,
  ) {}

  @Get()
  @Roles('courier', 'clerk', 'operations', 'auditor')
  @ApiOperation({ summary: "Returns within the caller's scope, earliest due date first (e.g. ?status=ATTEMPTED)" })
  list(@CurrentActor() actor: Actor, @Query() query: ListReturnsRequest): Promise<{ items: ReturnView[]; total: number }> {
    return this.listReturns.execute(actor, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.postalCode ? { postalCode: query.postalCode } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get(':dossierId')
  @Roles('courier', 'clerk', 'operations', 'auditor')
  @ApiOperation({ summary: "A dossier's return: status, S10 item id, J+n deadline, invitations" })
  get(@CurrentActor() actor: Actor, @Param('dossierId', new ParseUUIDPipe()) dossierId: string): Promise<ReturnView> {
    return this.getReturn.execute(actor, dossierId);
  }

  @Post(':dossierId/pickup')
  @HttpCode(200)
  @Roles('courier')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'The courier took the result at the agency (result-picked-up-at-agency)' })
  pickup(
    @CurrentActor() actor: Actor,
    @Param('dossierId', new ParseUUIDPipe()) dossierId: string,
    @Body() body: PickUpRequest,
    @Req() request: HttpRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ReturnView> {
    return this.pickUp.execute({
      actor,
      dossierId,
      pickedUpAt: new Date(body.pickedUpAt),
      itemsCount: body.itemsCount ?? 1,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...requestTrace(request.headers),
    });
  }

  @Post(':dossierId/attempts')
  @HttpCode(200)
  @Roles('courier')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'A failed home delivery (UPU EMH with a reason code): an invitation',
    description:
      'The second invitation must come at least 2 working days (postal calendar) after the first: 422 otherwise. ' +
      'The second failure sends the result back to the agency at once (result-returned-to-agency).',
  })
  attempt(
    @CurrentActor() actor: Actor,
    @Param('dossierId', new ParseUUIDPipe()) dossierId: string,
    @Body() body: DeliveryAttemptRequest,
    @Req() request: HttpRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ReturnView> {
    return this.recordAttempt.execute({
      actor,
      dossierId,
      attemptedAt: new Date(body.attemptedAt),
      reasonCode: body.reasonCode,
      ...(body.costBorneBy ? { costBorneBy: body.costBorneBy } : {}),
      invitationLeft: body.invitationLeft ?? true,
      ...(body.note ? { note: body.note } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...requestTrace(request.headers),
    });
  }

  @Post(':dossierId/delivery')
  @HttpCode(200)
  @Roles('courier', 'clerk')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'The result handed to the recipient (UPU EMI, national status 10)',
    description:
      'ID type checked and matched (never its number); a proxy needs authorisationRef (400); fees collected must equal the fees owed (422). ' +
      'Home deliveries by the courier, counter hand-overs by a clerk of the holding postal point.',
  })
  deliver(
    @CurrentActor() actor: Actor,
    @Param('dossierId', new ParseUUIDPipe()) dossierId: string,
    @Body() body: DeliverRequest,
    @Req() request: HttpRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ReturnView> {
    return this.deliverResult.execute({
      actor,
      dossierId,
      deliveredAt: new Date(body.deliveredAt),
      recipientKind: body.recipientKind,
      identityDocumentType: body.identityDocumentType,
      identityMatches: body.identityMatches,
      ...(body.authorisationRef ? { authorisationRef: body.authorisationRef } : {}),
      takenBackDocuments: (body.takenBackDocuments ?? []).map((doc) => ({ documentCode: doc.documentCode, ...(doc.title ? { title: doc.title } : {}), count: doc.count })),
      feesCollected: body.feesCollected,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...requestTrace(request.headers),
    });
  }

  @Post(':dossierId/counter-notice')
  @HttpCode(200)
  @Roles('clerk')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Invite the citizen to collect the result at the counter (an invitation, 2 working days apart)' })
  counterNotice(
    @CurrentActor() actor: Actor,
    @Param('dossierId', new ParseUUIDPipe()) dossierId: string,
    @Body() body: CounterNoticeRequest,
    @Req() request: HttpRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ReturnView> {
    return this.sendNotice.execute({
      actor,
      dossierId,
      sentAt: new Date(body.sentAt),
      channel: body.channel,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...requestTrace(request.headers),
    });
  }

  @Post(':dossierId/return-to-agency')
  @HttpCode(200)
  @Roles('clerk')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Send an uncollected counter result back to the agency',
    description: 'Only after two notices two working days apart and two more working days (422 otherwise). Home deliveries go back automatically on the second failed attempt.',
  })
  back(
    @CurrentActor() actor: Actor,
    @Param('dossierId', new ParseUUIDPipe()) dossierId: string,
    @Body() body: ReturnToAgencyRequest,
    @Req() request: HttpRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ReturnView> {
    return this.returnToAgency.execute({
      actor,
      dossierId,
      returnedAt: new Date(body.returnedAt),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...requestTrace(request.headers),
    });
  }
}
