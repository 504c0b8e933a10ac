import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { ListAtRiskClocks, ListOverdueClocks } from '../application/list-late-clocks.use-case';
import { LateClocksRequest } from './late-clocks.request.dto';

@ApiTags('clocks')
@ApiBearerAuth()
@Roles('operations', 'auditor')
@Controller('clocks')
export class ClocksController {
  constructor(
    @Inject(ListOverdueClocks) private readonly overdue: ListOverdueClocks,
    @Inject(ListAtRiskClocks) private readonly atRisk: ListAtRiskClocks,
  ) {}

  @Get('overdue')
  @ApiOperation({ summary: 'Clocks past their due date, attributed to the party whose clock ran out (POSTAL or AGENCY)' })
  listOverdue(@CurrentActor() actor: Actor, @Query() query: LateClocksRequest) {
    return this.overdue.execute(actor, query);
  }

  @Get('at-risk')
  @ApiOperation({ summary: 'Running clocks due within AT_RISK_WORKING_DAYS working days' })
  listAtRisk(@CurrentActor() actor: Actor, @Query() query: LateClocksRequest) {
    return this.atRisk.execute(actor, { ...query, includeClosedLate: false });
  }
}
