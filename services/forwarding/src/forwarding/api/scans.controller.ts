import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { RecordCourierScansUseCase, type ScanResult } from '../application/record-courier-scans.use-case';
import { RecordScanBatchRequest } from './record-scan-batch.request.dto';
import { RecordScanRequest } from './record-scan.request.dto';
import { requestTrace } from './request-trace';

type HttpRequest = { headers: Record<string, string | string[] | undefined> };

@ApiTags('courier scans')
@ApiBearerAuth()
@Controller()
export class ScansController {
  constructor(@Inject(RecordCourierScansUseCase) private readonly recordScans: RecordCourierScansUseCase) {}

  @Post('dossiers/:id/scans')
  @HttpCode(200)
  @Roles('courier', 'clerk')
  @ApiOperation({
    summary: 'Record a courier scan of one dossier (DISPATCHED → ARRIVED → HANDED_OVER)',
    description: 'A repeated scan is accepted and changes nothing (outcome "repeated"); a scan out of order is 409.',
  })
  @ApiOkResponse({ description: 'The scan, recorded or repeated' })
  async scanOne(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) dossierId: string,
    @Body() body: RecordScanRequest,
    @Req() request: HttpRequest,
  ): Promise<ScanResult> {
    const [result] = await this.recordScans.execute({
      actor,
      items: [{ dossierId }],
      kind: body.kind,
      postalCode: body.postalCode,
      at: new Date(body.at),
      ...(body.bagRef ? { bagRef: body.bagRef } : {}),
      ...requestTrace(request.headers),
    });
    return result;
  }

  @Post('scans/batch')
  @HttpCode(200)
  @Roles('courier', 'clerk')
  @ApiOperation({
    summary: "Record the same scan for a courier's whole run, by S10 ids",
    description: 'All or nothing: an unknown item (404), an item out of scope (403) or out of order (409) refuses the whole batch, listing every offending item.',
  })
  async scanBatch(@CurrentActor() actor: Actor, @Body() body: RecordScanBatchRequest, @Req() request: HttpRequest): Promise<{ items: ScanResult[] }> {
    const items = await this.recordScans.execute({
      actor,
      items: [...new Set(body.s10ItemIds)].map((s10ItemId) => ({ s10ItemId })),
      kind: body.kind,
      postalCode: body.postalCode,
      at: new Date(body.at),
      ...(body.bagRef ? { bagRef: body.bagRef } : {}),
      ...requestTrace(request.headers),
    });
    return { items };
  }
}
