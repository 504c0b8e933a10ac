import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ApiIdempotencyKey, IdempotencyKey } from '@bcci/service-kit';
import { BuildReturnReceiptUseCase } from '../application/build-return-receipt.use-case';
import { BuildSendingSlipUseCase } from '../application/build-sending-slip.use-case';
import { GetDossierUseCase } from '../application/get-dossier.use-case';
import { ReadApplicantUseCase } from '../application/read-applicant.use-case';
import { RegisterDossierUseCase } from '../application/register-dossier.use-case';
import { SearchDossiersUseCase } from '../application/search-dossiers.use-case';
import { WithdrawDossierUseCase } from '../application/withdraw-dossier.use-case';
import type { RegistrationInput } from '../domain/registration';
import { ReadApplicantQueryDto } from './read-applicant.query.dto';
import { RegisterDossierRequestDto } from './register-dossier.request.dto';
import { SearchDossiersQueryDto } from './search-dossiers.query.dto';
import { WithdrawDossierRequestDto } from './withdraw-dossier.request.dto';

interface HeaderSettable {
  setHeader(name: string, value: string): void;
}

/** The clerk's counter: register, find, print, withdraw; personal data only through /applicant (audited). */
@ApiTags('dossiers')
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly register: RegisterDossierUseCase,
    private readonly searchDossiers: SearchDossiersUseCase,
    private readonly getDossier: GetDossierUseCase,
    private readonly readApplicant: ReadApplicantUseCase,
    private readonly withdraw: WithdrawDossierUseCase,
    private readonly sendingSlip: BuildSendingSlipUseCase,
    private readonly buildReturnReceipt: BuildReturnReceiptUseCase,
  ) {}

  @Post()
  @Roles('clerk')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Tiếp nhận hồ sơ: kiểm tra thành phần, thu phí, niêm phong, cấp số hiệu S10, mã tạm và hạn J+n' })
  @ApiCreatedResponse({ description: 'The registered dossier (masked CCCD and phone).' })
  @ApiBadRequestResponse({ description: 'Invalid field, missing components (listed by name), amounts.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: RegisterDossierRequestDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Headers('traceparent') traceparent: string | undefined,
  ) {
    return this.register.execute({ actor, input: body as RegistrationInput, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}), ...(traceparent ? { traceparent } : {}) });
  }

  @Get()
  @Roles('clerk', 'auditor', 'operations')
  @ApiOperation({ summary: 'Tra cứu hồ sơ của điểm phục vụ: mã, số hiệu S10, số điện thoại, họ tên không dấu' })
  @ApiOkResponse({ description: '{ items, page, pageSize, total }' })
  search(@CurrentActor() actor: Actor, @Query() query: SearchDossiersQueryDto) {
    return this.searchDossiers.execute(actor, query);
  }

  @Get(':id')
  @Roles('clerk', 'auditor', 'operations')
  @ApiOperation({ summary: 'Chi tiết hồ sơ (không có dữ liệu cá nhân rõ)' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'Dossier of another postal point.' })
  detail(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.getDossier.execute(actor, id);
  }

  @Get(':id/applicant')
  @Roles('clerk', 'auditor', 'agency')
  @ApiOperation({ summary: 'Thông tin cá nhân người nộp/người nhận (mỗi lần xem được ghi nhật ký)' })
  applicant(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ReadApplicantQueryDto) {
    return this.readApplicant.execute(actor, id, query.purpose);
  }

  @Get(':id/sending-slip')
  @Roles('clerk', 'auditor')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Phiếu gửi hồ sơ (PDF) với mã vạch S10 và mã QR tra cứu' })
  async slip(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) response: HeaderSettable) {
    const { pdf, fileName } = await this.sendingSlip.execute(actor, id);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
    return new StreamableFile(pdf);
  }

  @Get(':id/return-receipt')
  @Roles('clerk', 'auditor')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Phiếu đăng ký nhận kết quả (hình thức 2, PDF) với mã QR và mã tra cứu (PIN)' })
  async returnReceipt(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) response: HeaderSettable) {
    const { pdf, fileName } = await this.buildReturnReceipt.execute(actor, id);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
    return new StreamableFile(pdf);
  }

  @Post(':id/withdrawal')
  @Roles('clerk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút hồ sơ trước khi chuyển đi' })
  @ApiConflictResponse({ description: 'Already dispatched or already withdrawn.' })
  withdrawal(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: WithdrawDossierRequestDto, @Headers('traceparent') traceparent: string | undefined) {
    return this.withdraw.execute(actor, id, body, traceparent);
  }
}
