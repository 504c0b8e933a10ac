import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { DataSource } from 'typeorm';
import { QueryRatiosUseCase } from '../application/query-ratios.use-case';
import { parseRatioQuery } from '../application/ratio-query-parser';
import { RatiosQueryDto } from './ratios-query.request.dto';

@ApiTags('counting')
@ApiBearerAuth()
@Controller('ratios')
export class RatiosController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(QueryRatiosUseCase) private readonly ratios: QueryRatiosUseCase,
  ) {}

  @Get()
  @Roles('operations', 'auditor')
  @ApiOperation({ summary: 'The three BCCI ratios (R1, R2, R3 delivered and registered: results only) with targets, and the indicators around them (refusal slips delivered: REFUSAL_SLIPS_DELIVERED)' })
  @ApiOkResponse({ description: 'numerator, denominator, percent (null when not computable), target, pass per ratio' })
  async get(@CurrentActor() actor: Actor, @Query() query: RatiosQueryDto) {
    const parsed = parseRatioQuery(query, actor);
    const report = await this.ratios.execute(this.dataSource.manager, parsed);
    return {
      ...report,
      scope: { ...report.scope, label: report.scope.kind === 'all' ? 'all' : `${report.scope.kind}:${report.scope.code}` },
    };
  }
}
