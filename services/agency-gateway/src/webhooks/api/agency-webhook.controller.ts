import { Body, Controller, Get, Inject, NotFoundException, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ConfigureWebhookUseCase } from '../application/configure-webhook.use-case';
import { WebhookRepository } from '../persistence/webhook.repository';

export class PutWebhookRequest {
  @ApiProperty({ example: 'https://one-stop.example.gov.vn/bcci/webhook' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { context: { messageVi: 'địa chỉ webhook phải là URL http(s)' } })
  @MaxLength(500)
  url!: string;

  @ApiProperty({ description: 'Khoá bí mật dùng để ký HMAC-SHA256 (ít nhất 16 ký tự).', minLength: 16 })
  @IsString()
  @MinLength(16, { context: { messageVi: 'khoá bí mật phải có ít nhất 16 ký tự' } })
  @MaxLength(200)
  secret!: string;
}

/**
 * Webhooks: every event of the agency's feed is POSTed to its URL with
 * `X-BCCI-Timestamp: <unix seconds>` and `X-BCCI-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`,
 * plus `X-BCCI-Event-Id`, `X-BCCI-Feed-Cursor`, `X-BCCI-Delivery-Id`. Any non-2xx answer or a timeout is
 * retried with exponential backoff (every attempt persisted); the receiver deduplicates by event id.
 */
@ApiTags('agency webhooks')
@ApiBearerAuth()
@Roles('agency')
@Controller('agency/webhook')
export class AgencyWebhookController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ConfigureWebhookUseCase) private readonly configure: ConfigureWebhookUseCase,
    @Inject(WebhookRepository) private readonly webhooks: WebhookRepository,
  ) {}

  @Put()
  @ApiOperation({ summary: 'Set or replace the webhook (URL and HMAC secret); deliveries start with the next event.' })
  put(@CurrentActor() actor: Actor, @Body() body: PutWebhookRequest): Promise<{ agencyId: string; url: string; updatedAt: string }> {
    return this.configure.execute(actor.agencyId!, body.url, body.secret);
  }

  @Get()
  @ApiOperation({ summary: 'The webhook URL (never the secret).' })
  async get(@CurrentActor() actor: Actor): Promise<{ agencyId: string; url: string; updatedAt: string }> {
    const found = await this.webhooks.find(this.dataSource.manager, actor.agencyId!);
    if (!found) throw new NotFoundException({ message: 'No webhook configured', messageVi: 'Cơ quan chưa đăng ký webhook.' });
    return { agencyId: actor.agencyId!, ...found };
  }
}
