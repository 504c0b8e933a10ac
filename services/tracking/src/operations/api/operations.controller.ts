import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles, type Actor } from '@bcci/auth';
import { InvalidInputError } from '@bcci/kernel';
import { DataSource } from 'typeorm';
import { OperationsSummaryQuery } from '../application/operations-summary.query';
import { DASHBOARD_JS } from '../static/dashboard-app.js';
import { DASHBOARD_HTML } from '../static/dashboard-page.html';

/**
 * The operations dashboard: a public page shell and script (no data in them), and the authenticated
 * JSON they poll. Auth choice: an operations (or auditor) token pasted once into the page and kept in
 * sessionStorage; EventSource cannot send an Authorization header, so the page polls every 3 s instead
 * of holding a Server-Sent Events stream.
 */
@ApiTags('operations')
@Controller('operations')
export class OperationsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OperationsSummaryQuery) private readonly summary: OperationsSummaryQuery,
  ) {}

  @Get()
  @Public()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
  page(): string {
    return DASHBOARD_HTML;
  }

  @Get('app.js')
  @Public()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  script(): string {
    return DASHBOARD_JS;
  }

  @Get('summary')
  @Roles('operations', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Dashboard data: events per minute per stage, backlog per stage, the three ratios of the period, a table per postal point' })
  @ApiQuery({ name: 'period', required: false, description: 'default: the current quarter' })
  @ApiQuery({ name: 'minutes', required: false, description: 'throughput window, 5–240 minutes (default 30)' })
  get(@CurrentActor() actor: Actor, @Query('period') period?: string, @Query('minutes') minutes?: string) {
    const window = minutes === undefined ? 30 : Number(minutes);
    if (!Number.isInteger(window) || window < 5 || window > 240)
      throw new InvalidInputError({ code: 'operations.bad-window', message: 'minutes must be an integer from 5 to 240', messageVi: 'Số phút phải từ 5 đến 240' });
    return this.summary.execute(this.dataSource.manager, actor, { ...(period ? { period } : {}), minutes: window }).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'PeriodFormatError')
        throw new InvalidInputError({ code: 'operations.bad-period', message: error.message, messageVi: 'Kỳ báo cáo không hợp lệ' });
      throw error;
    });
  }
}
