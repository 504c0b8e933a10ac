import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ApiIdempotencyKey, IdempotencyKey } from '@bcci/service-kit';
import { toEventActor } from '../../shared/staff-ref';
import type { DecisionResult } from '../application/agency-decision.runner';
import { CompleteSupplementUseCase } from '../application/complete-supplement.use-case';
import { commandIdFrom } from './command-id';
import { CompleteSupplementRequest } from './agency-decision.request.dto';

/** The clerk of the postal point that took the dossier in records that its supplement is complete. */
@ApiTags('supplements')
@ApiBearerAuth()
@Controller('dossiers')
export class SupplementCompletionController {
  constructor(@Inject(CompleteSupplementUseCase) private readonly completeSupplement: CompleteSupplementUseCase) {}

  @Post(':dossierId/supplement-completion')
  @Roles('clerk')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOperation({ summary: 'Supplement complete → supplement-completed (4): new legal filing time, the agency clock restarts from zero.' })
  complete(
    @CurrentActor() actor: Actor,
    @Param('dossierId', new ParseUUIDPipe()) dossierId: string,
    @Body() body: CompleteSupplementRequest,
    @IdempotencyKey() key?: string,
  ): Promise<DecisionResult> {
    return this.completeSupplement.execute({
      commandId: commandIdFrom(`clerk:${actor.subject}`, key),
      dossierId,
      postalCode: actor.postalCode!,
      clerkSubject: actor.subject,
      actor: toEventActor('POSTAL_CLERK', actor.subject),
      submissionChannel: body.submissionChannel,
    });
  }
}
