import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ScanErrorsInterceptor } from '../../documents/api/scan-errors.interceptor';
import { bytesOf, type UploadedScan } from '../../documents/api/uploaded-scan';
import { CertifyComponentUseCase } from '../application/certify-component.use-case';
import { CloseDigitizationIncompleteUseCase } from '../application/close-digitization-incomplete.use-case';
import { CompleteDigitizationUseCase } from '../application/complete-digitization.use-case';
import type { DigitizationView } from '../application/digitization-view';
import { GetDigitizationStatusUseCase } from '../application/get-digitization-status.use-case';
import { ReuseDocumentUseCase } from '../application/reuse-document.use-case';
import { UploadComponentScanUseCase } from '../application/upload-component-scan.use-case';
import { CertifyComponentRequest } from './certify-component.request.dto';
import { CloseIncompleteRequest } from './close-incomplete.request.dto';
import { ReuseDocumentRequest } from './reuse-document.request.dto';

interface StatusSettable {
  status(code: number): unknown;
}

const uuid = new ParseUUIDPipe();

@ApiTags('digitization')
@Controller('dossiers/:dossierId')
@Roles('digitization-operator', 'operations')
export class DossierDigitizationController {
  constructor(
    @Inject(UploadComponentScanUseCase) private readonly uploadScan: UploadComponentScanUseCase,
    @Inject(CertifyComponentUseCase) private readonly certifyComponent: CertifyComponentUseCase,
    @Inject(ReuseDocumentUseCase) private readonly reuseDocument: ReuseDocumentUseCase,
    @Inject(CompleteDigitizationUseCase) private readonly completeDigitization: CompleteDigitizationUseCase,
    @Inject(CloseDigitizationIncompleteUseCase) private readonly closeIncomplete: CloseDigitizationIncompleteUseCase,
    @Inject(GetDigitizationStatusUseCase) private readonly getStatus: GetDigitizationStatusUseCase,
  ) {}

  @Post('components/:componentCode/scans')
  @UseInterceptors(ScanErrorsInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: 'Upload the scan of one component (PDF, JPEG, PNG; type checked by content). 201 new, 200 same bytes again.' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('dossierId', uuid) dossierId: string,
    @Param('componentCode') componentCode: string,
    @UploadedFile() file: UploadedScan | undefined,
    @Res({ passthrough: true }) response: StatusSettable,
  ): Promise<DigitizationView> {
    const outcome = await this.uploadScan.execute({ actor, dossierId, componentCode, bytes: bytesOf(file) });
    response.status(outcome.changed ? 201 : 200);
    return outcome.view;
  }

  @Post('components/:componentCode/certification')
  @HttpCode(201)
  @ApiOperation({ summary: 'Certify the current electronic copy of a component (chứng thực bản sao điện tử)' })
  certify(
    @CurrentActor() actor: Actor,
    @Param('dossierId', uuid) dossierId: string,
    @Param('componentCode') componentCode: string,
    @Body() body: CertifyComponentRequest,
  ): Promise<DigitizationView> {
    return this.certifyComponent.execute({
      actor,
      dossierId,
      componentCode,
      kind: body.certification,
      ...(body.note === undefined ? {} : { note: body.note }),
    });
  }

  @Post('components/:componentCode/reuse')
  @ApiOperation({ summary: 'Reuse an already-digitized document with its source. 201 recorded, 200 already so.' })
  async reuse(
    @CurrentActor() actor: Actor,
    @Param('dossierId', uuid) dossierId: string,
    @Param('componentCode') componentCode: string,
    @Body() body: ReuseDocumentRequest,
    @Res({ passthrough: true }) response: StatusSettable,
  ): Promise<DigitizationView> {
    const outcome = await this.reuseDocument.execute({
      actor,
      dossierId,
      componentCode,
      sourceKind: body.sourceKind,
      sourceRef: body.sourceRef,
      ...(body.sourceComponentCode ? { sourceComponentCode: body.sourceComponentCode } : {}),
      ...(body.contentHash ? { contentHash: body.contentHash } : {}),
    });
    response.status(outcome.changed ? 201 : 200);
    return outcome.view;
  }

  @Post('digitization/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check completeness against the checklist and close as digitized; 422 lists what is missing' })
  complete(@CurrentActor() actor: Actor, @Param('dossierId', uuid) dossierId: string): Promise<DigitizationView> {
    return this.completeDigitization.execute({ actor, dossierId });
  }

  @Post('digitization/incomplete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the digitization as incomplete, with a reason' })
  incomplete(
    @CurrentActor() actor: Actor,
    @Param('dossierId', uuid) dossierId: string,
    @Body() body: CloseIncompleteRequest,
  ): Promise<DigitizationView> {
    return this.closeIncomplete.execute({ actor, dossierId, reason: body.reason });
  }

  @Get('digitization')
  @Roles('digitization-operator', 'clerk', 'operations', 'auditor')
  @ApiOperation({ summary: 'Per-component digitization status of a dossier' })
  status(@CurrentActor() actor: Actor, @Param('dossierId', uuid) dossierId: string): Promise<DigitizationView> {
    return this.getStatus.execute({ actor, dossierId });
  }
}
