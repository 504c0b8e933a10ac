import { Body, Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ApiIdempotencyKey, IdempotencyKey } from '@bcci/service-kit';
import { RecordIncidentUseCase, type IncidentView } from '../application/record-incident.use-case';
import { RecordIncidentRequest } from './record-incident.request.dto';
import { requestTrace } from './request-trace';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(@Inject(RecordIncidentUseCase) private readonly recordIncident: RecordIncidentUseCase) {}

  @Post()
  @Roles('clerk', 'courier')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Record a loss or damage (QĐ 45 Đ14): what, the party at fault, cost and compensation in VND' })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: RecordIncidentRequest,
    @Req() request: { headers: Record<string, string | string[] | undefined> },
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<IncidentView> {
    return this.recordIncident.execute({
      actor,
      dossierId: body.dossierId,
      legDirection: body.legDirection ?? 'TO_RECIPIENT',
      kind: body.kind,
      affectedItem: body.affectedItem,
      partyAtFault: body.partyAtFault,
      cost: body.cost,
      compensation: body.compensation ?? 0,
      occurredAt: new Date(body.occurredAt),
      description: body.description,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...requestTrace(request.headers),
    });
  }
}
