import { loadSampleCatalog } from '@bcci/catalog';
import { startTestService, type TestService } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import { loadSyntheticFacts } from '../src/counting/bench/load-synthetic-facts';
import { DailyCountsRepository, type CountFilter } from '../src/counting/persistence/daily-counts.repository';

let service: TestService;
const counts = new DailyCountsRepository();

/** The sums straight from the daily counts, written independently of the repository's query choice. */
async function dailySums(filter: CountFilter): Promise<Record<string, number>> {
  const params: unknown[] = [filter.basis, filter.start, filter.end];
  let sql = `SELECT metric, SUM(value)::text AS total FROM counting_daily_counts WHERE basis = $1 AND day BETWEEN $2::date AND $3::date`;
  if (filter.column) {
    params.push(filter.value);
    sql += ` AND ${filter.column} = $4`;
  }
  const rows: { metric: string; total: string }[] = await service.dataSource.query(`${sql} GROUP BY metric`, params);
  return Object.fromEntries(rows.map((row) => [row.metric, Number(row.total)]));
}

beforeAll(async () => {
  service = await startTestService(AppModule, { serviceName: 'tracking' });
  await loadSyntheticFacts(service.dataSource, { count: 3000, year: 2024, catalog: loadSampleCatalog(), seed: 7 });
});

afterAll(async () => {
  await service?.stop();
});

describe('the province-month roll-up of the daily counts', () => {
  const year = { basis: 'intake' as const, start: '2024-01-01', end: '2024-12-31' };

  it('gives exactly the daily sums for whole-month periods: a year, a quarter, a province, a procedure', async () => {
    const filters: CountFilter[] = [
      year,
      { ...year, start: '2024-04-01', end: '2024-06-30' },
      { ...year, column: 'province_code', value: '15' },
      { ...year, start: '2024-02-01', end: '2024-02-29', column: 'procedure_code', value: '2.000488' },
    ];
    for (const filter of filters) {
      const expected = await dailySums(filter);
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      expect(await counts.sums(service.dataSource.manager, filter)).toEqual(expected);
    }
  });

  it('is not used for partial months or finer scopes, which still read the daily counts', async () => {
    for (const filter of [
      { ...year, start: '2024-03-05', end: '2024-03-20' },
      { ...year, column: 'postal_code' as const, value: '33100' },
    ]) {
      expect(await counts.sums(service.dataSource.manager, filter)).toEqual(await dailySums(filter));
    }
  });

  it('drops a day and its month that a contribution taken back brought to zero, and keeps them while they count', async () => {
    // A key no synthetic fact uses: its day and its province-month rows hold only what this test adds.
    const contribution = {
      basis: 'intake' as const,
      metric: 'received',
      day: '2024-02-29',
      provinceCode: '99',
      communeCode: '99999',
      postalCode: '99999',
      agencyId: 'test.rollup.zero',
      procedureCode: 'test.rollup.zero',
      value: 2,
    };
    const rows = async () => {
      const [{ days }] = await service.dataSource.query(`SELECT count(*)::int AS days FROM counting_daily_counts WHERE procedure_code = $1`, [contribution.procedureCode]);
      const [{ months }] = await service.dataSource.query(`SELECT count(*)::int AS months FROM counting_province_month_counts WHERE procedure_code = $1`, [contribution.procedureCode]);
      return { days, months };
    };
    await service.dataSource.transaction((manager) => counts.add(manager, [contribution as never]));
    expect(await rows()).toEqual({ days: 1, months: 1 });
    await service.dataSource.transaction((manager) => counts.add(manager, [{ ...contribution, value: -1 } as never]));
    expect(await rows()).toEqual({ days: 1, months: 1 });
    await service.dataSource.transaction((manager) => counts.add(manager, [{ ...contribution, value: -1 } as never]));
    expect(await rows()).toEqual({ days: 0, months: 0 });
  });

  it('moves with the daily counts when a contribution is taken back, leaving no zero rows', async () => {
    const [row]: { metric: string; day: string; province_code: string; commune_code: string; postal_code: string; agency_id: string; procedure_code: string; value: string }[] =
      await service.dataSource.query(`SELECT metric, day::text AS day, province_code, commune_code, postal_code, agency_id, procedure_code, value::text AS value FROM counting_daily_counts WHERE basis = 'intake' ORDER BY value DESC LIMIT 1`);
    const contribution = {
      basis: 'intake' as const,
      metric: row.metric,
      day: row.day,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
      postalCode: row.postal_code,
      agencyId: row.agency_id,
      procedureCode: row.procedure_code,
      value: -Number(row.value),
    };
    await service.dataSource.transaction((manager) => counts.add(manager, [contribution as never]));
    expect(await counts.sums(service.dataSource.manager, year)).toEqual(await dailySums(year));
    const [{ zero }] = await service.dataSource.query(`SELECT count(*)::int AS zero FROM counting_province_month_counts WHERE value = 0`);
    expect(zero).toBe(0);
  });
});
