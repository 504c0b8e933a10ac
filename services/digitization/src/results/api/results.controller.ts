import { Body, Controller, Inject, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ScanErrorsInterceptor } from '../../documents/api/scan-errors.interceptor';
import { bytesOf, type UploadedScan } from '../../documents/api/uploaded-scan';
import { UploadResultScanUseCase, type ResultView } from '../application/upload-result-scan.use-case';
import { UploadResultScanRequest } from './upload-result-scan.request.dto';

@ApiTags('results')
@Controller('results')
export class ResultsController {
  constructor(@Inject(UploadResultScanUseCase) private readonly uploadResultScan: UploadResultScanUseCase) {}

  @Post(':dossierId/scans')
  @Roles('digitization-operator', 'operations')
  @UseInterceptors(ScanErrorsInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: 'Digitize a result issued on paper (PDF, JPEG, PNG; type checked by content). 201 new, 200 same bytes again.' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, resultId: { type: 'string', format: 'uuid' }, certified: { type: 'string', enum: ['true', 'false'] } },
    },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('dossierId', new ParseUUIDPipe()) dossierId: string,
    @UploadedFile() file: UploadedScan | undefined,
    @Body() body: UploadResultScanRequest,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<ResultView> {
    const outcome = await this.uploadResultScan.execute({
      actor,
      dossierId,
      ...(body.resultId ? { resultId: body.resultId } : {}),
      certified: body.certified === 'true',
      bytes: bytesOf(file),
    });
    response.status(outcome.changed ? 201 : 200);
    return outcome.view;
  }
}
