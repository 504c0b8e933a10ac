import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ListDigitizationQueueUseCase, type DigitizationQueueView } from '../application/list-digitization-queue.use-case';
import { DigitizationQueueRequest, QUEUE_DEFAULT_LIMIT } from './digitization-queue.request.dto';

@ApiTags('digitization')
@Controller('queue')
@Roles('digitization-operator', 'operations', 'auditor')
export class DigitizationQueueController {
  constructor(@Inject(ListDigitizationQueueUseCase) private readonly listQueue: ListDigitizationQueueUseCase) {}

  @Get()
  @ApiOperation({
    summary: "Dossiers whose digitization is still open (not digitized, not closed incomplete, not withdrawn) in the caller's scope, oldest first, with their components",
  })
  list(@CurrentActor() actor: Actor, @Query() query: DigitizationQueueRequest): Promise<DigitizationQueueView> {
    return this.listQueue.execute({ actor, limit: query.limit ?? QUEUE_DEFAULT_LIMIT });
  }
}
