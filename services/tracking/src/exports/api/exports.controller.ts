import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import type { Catalog } from '@bcci/catalog';
import { InvalidInputError } from '@bcci/kernel';
import { DataSource } from 'typeorm';
import { RatiosQueryDto } from '../../counting/api/ratios-query.request.dto';
import { QueryRatiosUseCase } from '../../counting/application/query-ratios.use-case';
import { parseRatioQuery } from '../../counting/application/ratio-query-parser';
import { COUNTING_CATALOG } from '../../counting/counting.tokens';
import { dossierRegisterBook } from '../application/dossier-register.query';
import { renderXlsx } from '../application/render-xlsx';
import { quarterlyReportBook } from '../domain/quarterly-report.sheets';
import { ratioReportBook, scopeLabelVi } from '../domain/ratio-report.sheets';
import { toCsv, type ReportBook } from '../domain/report-sheet';

type Reply = { setHeader(name: string, value: string): void; send(body: unknown): void };
const REPORTS = ['ratio-report', 'quarterly-report', 'dossier-register'] as const;
const FORMATS = ['xlsx', 'csv'] as const;

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(QueryRatiosUseCase) private readonly ratios: QueryRatiosUseCase,
    @Inject(COUNTING_CATALOG) private readonly catalog: Catalog,
  ) {}

  @Get(':report.:format')
  @Roles('operations', 'auditor')
  @ApiOperation({ summary: 'Vietnamese exports with definitions: ratio-report, quarterly-report (TT 17/2017 Đ13), dossier-register; .xlsx or .csv' })
  @ApiParam({ name: 'report', enum: REPORTS })
  @ApiParam({ name: 'format', enum: FORMATS })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async export(@CurrentActor() actor: Actor, @Param('report') report: string, @Param('format') format: string, @Query() query: RatiosQueryDto, @Res() reply: Reply): Promise<void> {
    if (!(REPORTS as readonly string[]).includes(report) || !(FORMATS as readonly string[]).includes(format))
      throw new InvalidInputError({ code: 'exports.unknown', message: `unknown export ${report}.${format}`, messageVi: 'Không có mẫu báo cáo này' });
    const parsed = parseRatioQuery(query, actor);
    const scopeLabel = scopeLabelVi(parsed);
    let book: ReportBook;
    if (report === 'dossier-register') {
      book = await dossierRegisterBook(this.dataSource.manager, this.catalog, parsed.period, parsed.scope, scopeLabel);
    } else {
      const result = await this.ratios.execute(this.dataSource.manager, parsed);
      book = report === 'ratio-report' ? ratioReportBook(result) : quarterlyReportBook(result, scopeLabel);
    }
    const fileName = `${book.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
    reply.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    if (format === 'csv') {
      reply.setHeader('Content-Type', 'text/csv; charset=utf-8');
      reply.send(toCsv(book));
    } else {
      reply.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.send(await renderXlsx(book));
    }
  }
}
