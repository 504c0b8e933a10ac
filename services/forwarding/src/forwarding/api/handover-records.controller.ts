import { Body, Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { InvalidInputError } from '@bcci/kernel';
import { ApiIdempotencyKey, IdempotencyKey } from '@bcci/service-kit';
import type { LegReference } from '../application/leg-references';
import type { HandoverRecordView } from '../application/handover-record.view';
import { SignHandoverRecordUseCase } from '../application/sign-handover-record.use-case';
import { requestTrace } from './request-trace';
import { SignHandoverRecordRequest, type HandoverItemRequest } from './sign-handover-record.request.dto';

@ApiTags('handover records')
@ApiBearerAuth()
@Controller('handover-records')
export class HandoverRecordsController {
  constructor(@Inject(SignHandoverRecordUseCase) private readonly signHandoverRecord: SignHandoverRecordUseCase) {}

  @Post()
  @Roles('courier', 'clerk')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Record the handover record (Biên bản giao nhận) signed at the agency',
    description:
      'Counts are checked against every sending slip (422 listing the dossiers that differ). With agencySignerName the agency signed on paper and the record is ' +
      'complete at once: its signing time is the legal filing time (QĐ 45 Đ7.4) and the fees are remitted. Without it the record waits for the agency to sign ' +
      'through its gateway (handover-acknowledged); the later of the two signatures is the filing time.',
  })
  @ApiCreatedResponse({ description: 'The record, SIGNED or AWAITING_AGENCY_SIGNATURE' })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: SignHandoverRecordRequest,
    @Req() request: { headers: Record<string, string | string[] | undefined> },
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<HandoverRecordView> {
    return this.signHandoverRecord.execute({
      actor,
      items: body.items.map((item, index) => ({ reference: referenceOf(item, index), documentsCounted: item.documentsCounted })),
      signedAt: new Date(body.signedAt),
      ...(body.postalSignerRef ? { postalSignerRef: body.postalSignerRef } : {}),
      ...(body.agencySignerName ? { agencySignerName: body.agencySignerName.trim() } : {}),
      ...(body.agencySignerRef ? { agencySignerRef: body.agencySignerRef } : {}),
      ...(body.recordNumber ? { recordNumber: body.recordNumber } : {}),
      remittanceMethod: body.remittanceMethod ?? 'CASH',
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...requestTrace(request.headers),
    });
  }
}

function referenceOf(item: HandoverItemRequest, index: number): LegReference {
  if (item.dossierId && !item.s10ItemId) return { dossierId: item.dossierId };
  if (item.s10ItemId && !item.dossierId) return { s10ItemId: item.s10ItemId };
  throw new InvalidInputError({
    code: 'forwarding.handover-item-reference',
    message: `items[${index}] must name the dossier by exactly one of dossierId or s10ItemId`,
    messageVi: `Hồ sơ thứ ${index + 1} phải ghi đúng một trong hai: mã hồ sơ hoặc số hiệu bưu gửi.`,
    details: [{ field: `items.${index}`, message: 'exactly one of dossierId, s10ItemId' }],
  });
}
