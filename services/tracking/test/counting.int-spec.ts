import { loadSampleCatalog } from '@bcci/catalog';
import { assertValidEvent } from '@bcci/contracts';
import { EventCollector, startTestService, type TestService, waitUntil } from '@bcci/service-kit/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { trackingSettingsOf } from '../src/config/tracking-config';
import { createRebuildableProjections } from '../src/projections/rebuildable-projections';
import { ReferenceData } from '../src/reference-data/reference-data';
import { TimelineReplayer } from '../src/timeline/application/timeline-replayer';
import { BackfillReturnedItem1796428800000 } from '../src/counting/persistence/1796428800000-backfill-returned-item.migration';
import { DailyCountsRepository } from '../src/counting/persistence/daily-counts.repository';
import { CatalogUnitResolver } from '../src/counting/domain/catalog-units';
import { contributionsOf, diffContributions } from '../src/counting/domain/contributions';
import { countedDossier, type CountedDossier } from './counting.fixtures';
import { EventProducer } from './support/produce';

let service: TestService;
let producer: EventProducer;
let collector: EventCollector;
const operations = () => service.authHeader({ role: 'operations', provinceCode: '15' });

const dossiers: CountedDossier[] = [
  countedDossier('delivered', { procedureCode: '2.000488', postalCode: '33100', day: '2026-01-12' }),
  countedDossier('delivered', { procedureCode: '2.000488', postalCode: '33700', day: '2026-02-03' }),
  countedDossier('returned', { procedureCode: '1.003822', postalCode: '33100', day: '2026-02-10' }),
  countedDossier('send-only', { procedureCode: '2.000488', postalCode: '33700', day: '2026-03-02' }),
  countedDossier('result-only', { procedureCode: '2.000635', postalCode: '33100', day: '2026-03-05' }),
  countedDossier('withdrawn', { procedureCode: '1.003822', postalCode: '33100', day: '2026-03-09' }),
  // Rejected form-3 dossier whose refusal slip is delivered by post: not a result (domain.md §6).
  countedDossier('rejected', { procedureCode: '1.003822', postalCode: '33100', day: '2026-03-10' }),
  // Registered on 01/04: counted in Q2 and in the year, not in Q1.
  countedDossier('delivered', { procedureCode: '2.000488', postalCode: '33100', day: '2026-04-01' }),
];
const q1 = dossiers.slice(0, 7);
const allEvents = dossiers.flatMap((d) => d.events);

async function recordedCount(of: readonly CountedDossier[] = dossiers): Promise<number> {
  const [row]: { count: number }[] = await service.dataSource.query(`SELECT count(*)::int AS count FROM timeline_entries WHERE dossier_id = ANY($1::uuid[])`, [of.map((d) => d.dossierId)]);
  return row.count;
}

async function untilRecorded(count: number, of: readonly CountedDossier[] = dossiers): Promise<void> {
  await waitUntil(`tracking to record ${count} events of these dossiers`, async () => (await recordedCount(of)) >= count);
}

/** Redeliveries absorbed by the inbox so far (events_consumed_total{outcome="duplicate"}). */
async function duplicatesAbsorbed(): Promise<number> {
  const metrics = (await request(service.url).get('/metrics').expect(200)).text;
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('events_consumed_total{') && line.includes('outcome="duplicate"'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function dailyCountRows(): Promise<string[]> {
  const rows: Record<string, unknown>[] = await service.dataSource.query(
    `SELECT basis, metric, day::text AS day, province_code, commune_code, postal_code, agency_id, procedure_code, value::text AS value FROM counting_daily_counts ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  );
  return rows.map((row) => Object.values(row).join('|'));
}

/** The province-month roll-up; rows that fell to zero stay there (the upsert keeps them), so they are left out. */
async function provinceMonthRows(): Promise<string[]> {
  const rows: Record<string, unknown>[] = await service.dataSource.query(
    `SELECT basis, metric, month::text AS month, province_code, procedure_code, value::text AS value FROM counting_province_month_counts WHERE value <> 0 ORDER BY 1, 2, 3, 4, 5`,
  );
  return rows.map((row) => Object.values(row).join('|'));
}

const ratios = async (query: string) => (await request(service.url).get(`/ratios?${query}`).set('Authorization', operations()).expect(200)).body;

const GOOD_CSV = [
  'agencyId,procedureCode,received,resolved,receivedInPerson,receivedOnline,receivedBcci',
  '000.00.13.H39,2.000488,40,30,20,15,5',
  '000.00.13.H39,2.000635,10,10,,,',
  '000.00.12.H39,1.003822,20,10,,,',
  '000.00.12.H39,1.003879,5,0,,,',
].join('\n');

beforeAll(async () => {
  service = await startTestService(AppModule, { serviceName: 'tracking' });
  producer = new EventProducer(service.brokers);
  collector = await new EventCollector({ brokers: service.brokers, topics: ['bcci.tracking.denominator-events.v1'] }).start();
  // Streams deliver independently: send every dossier's events newest first.
  await producer.send([...allEvents].reverse());
  await untilRecorded(allEvents.length);
});

afterAll(async () => {
  await collector?.stop();
  await producer?.stop();
  await service?.stop();
});

describe('denominator imports', () => {
  it('refuses a file with bad rows, reporting every one with its line, and writes nothing', async () => {
    const bad = ['agencyId,procedureCode,received,resolved', '000.00.13.H39,2.000488,40,30', 'not an agency,2.000488,1,1', '000.00.13.H39,2.000635,ten,10', '000.00.13.H39,2.000488,3,3'].join('\n');
    const response = await request(service.url)
      .post('/denominators/imports?periodStart=2026-01-01&periodEnd=2026-03-31')
      .set('Authorization', operations())
      .set('Content-Type', 'text/csv')
      .send(bad)
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'denominator-import.rejected' });
    expect(response.body.messageVi).toContain('chưa nhập dòng nào');
    expect(response.body.details.map((p: { line: number; field: string }) => [p.line, p.field])).toEqual([
      [3, 'agencyId'],
      [4, 'received'],
      [5, 'procedureCode'],
    ]);
    const [{ count }] = await service.dataSource.query(`SELECT count(*)::int AS count FROM counting_denominator_rows`);
    expect(count).toBe(0);
  });

  it('imports a CSV, announces it with a valid event, and a re-import of the period replaces it', async () => {
    const first = await request(service.url)
      .post('/denominators/imports?periodStart=2026-01-01&periodEnd=2026-03-31')
      .set('Authorization', operations())
      .set('Content-Type', 'text/csv')
      .send(GOOD_CSV.replace('40,30,20,15,5', '41,31,20,15,5'))
      .expect(201);
    expect(first.body).toMatchObject({ rowCount: 4, replacedRows: 0, provinceCode: '15' });
    const second = await request(service.url)
      .post('/denominators/imports?periodStart=2026-01-01&periodEnd=2026-03-31')
      .set('Authorization', operations())
      .set('Content-Type', 'text/csv')
      .send(GOOD_CSV)
      .expect(201);
    expect(second.body).toMatchObject({ rowCount: 4, replacedRows: 4 });
    await service.drainOutbox();
    const [{ event }] = await collector.waitFor((e) => e.id === second.body.eventId);
    assertValidEvent(event);
    expect(event).toMatchObject({ type: 'bcci.tracking.denominator-totals-imported.v1', subject: second.body.importId });
    expect(event.data).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-03-31', source: 'CSV_UPLOAD', rowCount: 4, provinceCode: '15' });
    const [{ resolved }] = await service.dataSource.query(`SELECT sum(resolved)::int AS resolved FROM counting_denominator_rows`);
    expect(resolved).toBe(50);
  });

  it('refuses another province\'s totals (403) and a JSON file with bad rows (400)', async () => {
    await request(service.url)
      .post('/denominators/imports')
      .set('Authorization', operations())
      .send({ periodStart: '2026-01-01', periodEnd: '2026-03-31', provinceCode: '10', rows: [{ agencyId: '000.00.13.H39', procedureCode: '2.000488', received: 1, resolved: 1 }] })
      .expect(403);
    const response = await request(service.url)
      .post('/denominators/imports')
      .set('Authorization', operations())
      .send({ periodStart: '2026-04-01', periodEnd: '2026-06-30', rows: [{ agencyId: '000.00.13.H39', procedureCode: '2.000488', received: -1, resolved: 1 }, { agencyId: '000.00.13.H39' }] })
      .expect(400);
    expect(response.body.details.map((p: { row: number }) => p.row)).toEqual([1, 2, 2, 2]);
  });

  it('lists imports within the caller\'s scope: another province\'s operations see none of province 15\'s', async () => {
    const list = (authorization: string) => request(service.url).get('/denominators/imports').set('Authorization', authorization).expect(200);
    const own = (await list(operations())).body as Array<{ provinceCode: string }>;
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((entry) => entry.provinceCode === '15')).toBe(true);
    const foreign = await list(service.authHeader({ role: 'operations', provinceCode: '10' }));
    expect(foreign.body).toEqual([]);
    const auditor = await list(service.authHeader({ role: 'auditor' }));
    expect(auditor.body).toHaveLength(own.length);
    await request(service.url).get('/denominators/imports').set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33100' })).expect(403);
  });
});

describe('the BCCI ratios', () => {
  it('equal an independent count of the dossiers sent, against the imported all-channel totals', async () => {
    const body = await ratios('period=2026-Q1&scope=province:15');
    const received = q1.filter((d) => d.receivedViaBcci).length;
    const registered = q1.filter((d) => d.registeredForReturn).length;
    const delivered = q1.filter((d) => d.delivered).length;
    const bcciProcedures = new Set(q1.filter((d) => d.receivedViaBcci || d.registeredForReturn).map((d) => d.procedureCode));
    const byCode = Object.fromEntries(body.ratios.map((r: { code: string }) => [r.code, r]));
    expect(byCode.R1).toMatchObject({ numerator: bcciProcedures.size, denominator: 4, percent: (bcciProcedures.size / 4) * 100, target: 50, pass: true });
    expect(byCode.R2).toMatchObject({ numerator: received, denominator: 50, percent: (received / 50) * 100, target: 5, pass: received / 50 > 0.05 });
    // R3 counts results delivered: the rejected dossier's refusal slip is its own figure.
    expect(byCode.R3).toMatchObject({ numerator: delivered, denominator: 50, percent: (delivered / 50) * 100, target: 20, pass: false });
    expect(body.counts['refusal-slip-delivered']).toBe(q1.filter((d) => d.refusalSlipDelivered).length);
    expect(body.indicators.find((i: { code: string }) => i.code === 'REFUSAL_SLIPS_DELIVERED')).toMatchObject({ value: 1 });
    expect(byCode.R3_REGISTERED).toMatchObject({ numerator: registered, denominator: 50, percent: (registered / 50) * 100 });
    expect(body.period).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(body.denominators).toMatchObject({ available: true, resolved: 50, received: 75 });
  });

  it('scopes by postal point and procedure; a postal point has no all-channel denominator', async () => {
    const point = await ratios('period=2026-Q1&scope=postal-point:33700');
    const r2 = point.ratios.find((r: { code: string }) => r.code === 'R2');
    expect(r2).toMatchObject({ numerator: q1.filter((d) => d.postalCode === '33700' && d.receivedViaBcci).length, denominator: null, percent: null, computable: false, pass: null });
    const procedure = await ratios('period=2026-Q1&scope=procedure:2.000488');
    expect(procedure.ratios.find((r: { code: string }) => r.code === 'R2')).toMatchObject({ numerator: 3, denominator: 30, percent: 10 });
  });

  it('counts a period in Vietnam days: the 01/04 dossier is in Q2 and in the year', async () => {
    const q2 = await ratios('period=2026-Q2&scope=province:15');
    expect(q2.counts['bcci-received']).toBe(1);
    expect(q2.ratios[1]).toMatchObject({ computable: false, reason: 'no-denominator' });
    const year = await ratios('period=2026&scope=province:15');
    expect(year.counts['bcci-received']).toBe(dossiers.filter((d) => d.receivedViaBcci).length);
  });

  it('reports the indicators: attempts per result, results returned to the agency, J+n on time', async () => {
    const body = await ratios('period=2026-Q1&scope=all');
    const indicator = (code: string) => body.indicators.find((i: { code: string }) => i.code === code);
    // Two delivered on the second attempt (2 + 2) and one returned after 2 failed attempts: 6 / 3. The
    // refusal slip delivered on its second attempt is not a result: in neither attempts nor the return leg's on-time rate.
    expect(indicator('ATTEMPTS_PER_RESULT')).toMatchObject({ value: 2, numerator: 6, denominator: 3 });
    expect(indicator('RETURN_ON_TIME')).toMatchObject({ denominator: q1.filter((d) => d.delivered).length });
    expect(indicator('RETURNED_TO_AGENCY')).toMatchObject({ value: 1 });
    expect(indicator('COMPONENTS_DIGITIZED').denominator).toBeGreaterThan(0);
  });

  it('a rejected form-3 dossier\'s refusal slip delivered by post moves the refusal-slip figure, not R3', async () => {
    // Q3 has no other dossier; its figures before and after this one dossier's events.
    const period = 'period=2026-Q3&scope=province:15';
    const before = await ratios(period);
    const rejected = countedDossier('rejected', { procedureCode: '1.003822', postalCode: '33100', day: '2026-07-07' });
    await producer.send(rejected.events);
    await untilRecorded(rejected.events.length, [rejected]);
    const after = await ratios(period);
    const r3 = (body: { ratios: { code: string; numerator: number }[] }) => body.ratios.find((r) => r.code === 'R3')!.numerator;
    expect(r3(after)).toBe(r3(before));
    for (const metric of ['result-delivered', 'return-legs-closed', 'delivery-attempts', 'returns-closed']) expect(after.counts[metric] ?? 0).toBe(before.counts[metric] ?? 0);
    expect((after.counts['refusal-slip-delivered'] ?? 0) - (before.counts['refusal-slip-delivered'] ?? 0)).toBe(1);
    // The quarterly report (TT 17 Đ13) prints it on its own line, and defines it.
    const quarterly = (await request(service.url).get(`/exports/quarterly-report.csv?${period}`).set('Authorization', operations()).expect(200)).text;
    expect(quarterly).toContain(`Số kết quả đã phát thành công,${after.counts['result-delivered'] ?? 0},`);
    expect(quarterly).toContain('Số phiếu từ chối đã phát qua BCCI,1,');
    expect(quarterly).toContain('REFUSAL_SLIPS_DELIVERED,Số phiếu từ chối đã phát qua BCCI,');
  });

  it('refuses a bad period or another province with a Vietnamese message', async () => {
    const bad = await request(service.url).get('/ratios?period=2026-Q5').set('Authorization', operations()).expect(400);
    expect(bad.body.messageVi).toContain('Kỳ báo cáo');
    await request(service.url).get('/ratios?scope=province:10').set('Authorization', operations()).expect(403);
    await request(service.url).get('/ratios').set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33100' })).expect(403);
  });
});

describe('counting survives replays', () => {
  it('a redelivered event changes nothing', async () => {
    const before = await dailyCountRows();
    const ratiosBefore = await ratios('period=2026-Q1&scope=province:15');
    const replayed = q1[0].events[q1[0].events.length - 1];
    const absorbed = await duplicatesAbsorbed();
    await producer.send([replayed, q1[2].events[0]]);
    await waitUntil('the consumer to absorb both redeliveries in its inbox', async () => (await duplicatesAbsorbed()) >= absorbed + 2);
    expect(await dailyCountRows()).toEqual(before);
    expect(await ratios('period=2026-Q1&scope=province:15')).toEqual(ratiosBefore);
    const [{ count }] = await service.dataSource.query(`SELECT count(*)::int AS count FROM timeline_entries WHERE event_id = $1`, [replayed.id]);
    expect(count).toBe(1);
  });

  it('the returnedItem backfill moves figures counted under the old rule (a refusal slip as a result) to the new one', async () => {
    const rejected = q1.find((d) => d.refusalSlipDelivered)!;
    const before = await dailyCountRows();
    const monthsBefore = await provinceMonthRows();
    // The state before the migration: the fact has no returnedItem and its delivery counted as a result.
    const [{ fact }] = await service.dataSource.query(`SELECT fact FROM counting_dossier_facts WHERE dossier_id = $1`, [rejected.dossierId]);
    const units = new CatalogUnitResolver(loadSampleCatalog());
    await service.dataSource.transaction(async (manager) => {
      await new DailyCountsRepository().add(manager, diffContributions(contributionsOf(fact, units), contributionsOf({ ...fact, returnedItem: 'RESULT' }, units)));
      await manager.query(`UPDATE counting_dossier_facts SET fact = fact - 'returnedItem' WHERE dossier_id = $1`, [rejected.dossierId]);
    });
    const old = await ratios('period=2026-Q1&scope=province:15');
    expect(old.ratios.find((r: { code: string }) => r.code === 'R3').numerator).toBe(q1.filter((d) => d.delivered || d.refusalSlipDelivered).length);

    const queryRunner = service.dataSource.createQueryRunner();
    try {
      await queryRunner.startTransaction();
      await new BackfillReturnedItem1796428800000().up(queryRunner);
      await queryRunner.commitTransaction();
    } finally {
      await queryRunner.release();
    }
    expect(await dailyCountRows()).toEqual(before);
    expect(await provinceMonthRows()).toEqual(monthsBefore);
    const now = await ratios('period=2026-Q1&scope=province:15');
    expect(now.ratios.find((r: { code: string }) => r.code === 'R3').numerator).toBe(q1.filter((d) => d.delivered).length);
    expect(now.counts['refusal-slip-delivered']).toBe(1);
    const [{ item }] = await service.dataSource.query(`SELECT fact->>'returnedItem' AS item FROM counting_dossier_facts WHERE dossier_id = $1`, [rejected.dossierId]);
    expect(item).toBe('REFUSAL_SLIP');
  });

  it('a rebuild from the timeline gives identical counts and ratios', async () => {
    const before = await dailyCountRows();
    const ratiosBefore = await ratios('period=2026-Q1&scope=province:15');
    const projections = createRebuildableProjections({ referenceData: ReferenceData.load(), settings: trackingSettingsOf({ extra: {} } as never) }).filter((p) => p.name === 'counting');
    expect(projections).toHaveLength(1);
    await service.dataSource.query(`UPDATE counting_daily_counts SET value = value + 100 WHERE metric = 'bcci-received'`);
    expect(await dailyCountRows()).not.toEqual(before);
    await new TimelineReplayer(service.dataSource).rebuild(projections);
    expect(await dailyCountRows()).toEqual(before);
    expect(await ratios('period=2026-Q1&scope=province:15')).toEqual(ratiosBefore);
  });
});
