import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@bcci/auth';
import { InvalidInputError } from '@bcci/kernel';
import { ImportDenominatorsUseCase } from '../application/import-denominators.use-case';
import { parseDenominatorCsv, parseDenominatorJson } from '../domain/denominator-import';
import { ListDenominatorImportsQuery } from '../application/list-denominator-imports.query';

/** A CSV of 5,000 rows is about 400 KB; 4 MB leaves room for long local procedure codes. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;

/** The raw request (Express): headers, and a readable body stream when no JSON parser consumed it. */
type RawRequest = AsyncIterable<Buffer> & { headers: Record<string, string | string[] | undefined> };

async function readText(request: RawRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_CSV_BYTES)
      throw new InvalidInputError({ code: 'denominator-import.too-large', message: 'CSV larger than 4 MB', messageVi: 'Tệp CSV quá lớn (tối đa 4 MB)' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

@ApiTags('counting')
@ApiBearerAuth()
@Controller('denominators')
export class DenominatorsController {
  constructor(
    @Inject(ImportDenominatorsUseCase) private readonly importTotals: ImportDenominatorsUseCase,
    @Inject(ListDenominatorImportsQuery) private readonly listImports: ListDenominatorImportsQuery,
  ) {}

  @Post('imports')
  @HttpCode(201)
  @Roles('operations', 'agency')
  @ApiOperation({
    summary: 'Import all-channel totals (received, resolved per agency and procedure for one period) from a one-stop system',
    description:
      'CSV (`Content-Type: text/csv`, header agencyId,procedureCode,received,resolved[,receivedInPerson,receivedOnline,receivedBcci]; ' +
      'period in the query) or JSON (`{ periodStart, periodEnd, provinceCode?, source?, rows: [...] }`). Every bad row is reported ' +
      '(400, details[] with line/row, field, messageVi) and nothing is written. A re-import of the same period replaces, for each ' +
      'agency in the file, that agency\'s earlier rows of exactly that period.',
  })
  @ApiConsumes('application/json', 'text/csv', 'text/plain')
  @ApiQuery({ name: 'periodStart', required: false, description: 'CSV only: first day (YYYY-MM-DD)' })
  @ApiQuery({ name: 'periodEnd', required: false, description: 'CSV only: last day, inclusive' })
  @ApiQuery({ name: 'provinceCode', required: false, description: 'CSV only: province of the totals' })
  @ApiBody({ required: true, schema: { type: 'object' } })
  async create(
    @CurrentActor() actor: Actor,
    @Req() request: RawRequest,
    @Query('periodStart') periodStart?: string,
    @Query('periodEnd') periodEnd?: string,
    @Query('provinceCode') provinceCode?: string,
    @Body() body?: unknown,
  ) {
    const type = String(request.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
      const text = await readText(request);
      return this.importTotals.execute(actor, parseDenominatorCsv(text, { periodStart, periodEnd, provinceCode }), 'CSV_UPLOAD');
    }
    if (type.startsWith('application/json')) {
      const source = (body as { source?: unknown } | undefined)?.source === 'JSON_UPLOAD' ? 'JSON_UPLOAD' : 'API';
      const { source: _ignored, ...rest } = (body ?? {}) as Record<string, unknown>;
      return this.importTotals.execute(actor, parseDenominatorJson(rest), source);
    }
    throw new InvalidInputError({
      code: 'denominator-import.content-type',
      message: 'send text/csv or application/json',
      messageVi: 'Chỉ nhận tệp CSV (text/csv) hoặc JSON (application/json)',
    });
  }

  @Get('imports')
  @Roles('operations', 'auditor')
  @ApiOperation({ summary: 'Latest denominator imports (100, newest first) within the caller\'s scope: a province\'s operations see their province\'s' })
  list(@CurrentActor() actor: Actor) {
    return this.listImports.execute(actor);
  }
}
