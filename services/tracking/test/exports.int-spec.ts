import ExcelJS from 'exceljs';
import { loadSampleCatalog } from '@bcci/catalog';
import { startTestService, type TestService } from '@bcci/service-kit/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { loadSyntheticFacts } from '../src/counting/bench/load-synthetic-facts';

let service: TestService;
const operations = () => service.authHeader({ role: 'operations', provinceCode: '15' });

/** Supertest reads the binary XLSX body into a Buffer. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

beforeAll(async () => {
  service = await startTestService(AppModule, { serviceName: 'tracking' });
  await loadSyntheticFacts(service.dataSource, { count: 3000, year: 2026, catalog: loadSampleCatalog(), seed: 7 });
  await request(service.url)
    .post('/denominators/imports')
    .set('Authorization', operations())
    .send({ periodStart: '2026-01-01', periodEnd: '2026-12-31', rows: [{ agencyId: '000.00.13.H39', procedureCode: '2.000488', received: 20000, resolved: 19000 }, { agencyId: '000.00.12.H39', procedureCode: '1.003822', received: 900, resolved: 800 }] })
    .expect(201);
});

afterAll(async () => {
  await service?.stop();
});

describe('synthetic facts for the benchmark', () => {
  it('load counts that equal a direct count of the loaded facts', async () => {
    const [{ received }] = await service.dataSource.query(
      `SELECT count(*)::int AS received FROM counting_dossier_facts WHERE (fact->>'receivingChannel')::int = 3 AND fact->>'serviceForm' IN ('SEND_DOSSIER', 'SEND_AND_RECEIVE')`,
    );
    const body = (await request(service.url).get('/ratios?period=2026&scope=province:15').set('Authorization', operations()).expect(200)).body;
    expect(body.counts['bcci-received']).toBe(received);
    expect(received).toBeGreaterThan(1000);
  });
});

describe('exports', () => {
  it('the ratio report XLSX carries the API\'s figures and a Định nghĩa sheet', async () => {
    const api = (await request(service.url).get('/ratios?period=2026&scope=province:15').set('Authorization', operations()).expect(200)).body;
    const response = await request(service.url).get('/exports/ratio-report.xlsx?period=2026&scope=province:15').set('Authorization', operations()).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((response.body as Buffer).buffer.slice((response.body as Buffer).byteOffset, (response.body as Buffer).byteOffset + (response.body as Buffer).byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tỷ lệ BCCI', 'Chỉ số vận hành', 'Định nghĩa']);
    const sheet = workbook.getWorksheet('Tỷ lệ BCCI')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const r2 = rows.find((row) => row[1] === 'R2')!;
    const apiR2 = api.ratios.find((r: { code: string }) => r.code === 'R2');
    expect([r2[3], r2[4], r2[5], r2[6]]).toEqual([apiR2.numerator, apiR2.denominator, apiR2.percent, apiR2.target]);
    expect(String(r2[8])).toContain('a/b × 100%');
    const definitions = workbook.getWorksheet('Định nghĩa')!.getSheetValues().flat().join(' ');
    expect(definitions).toContain('Tổng số hồ sơ giải quyết TTHC trong kỳ, mọi kênh');
  });

  it('the periodic report (TT 17/2017 Đ13) and the register come as CSV with a BOM, in Vietnamese', async () => {
    const quarterly = await request(service.url).get('/exports/quarterly-report.csv?period=2026-Q1&scope=province:15').set('Authorization', operations()).expect(200);
    expect(quarterly.headers['content-type']).toContain('text/csv');
    expect(quarterly.text.charCodeAt(0)).toBe(0xfeff);
    expect(quarterly.text).toContain('Thông tư 17/2017/TT-BTTTT, Điều 13');
    expect(quarterly.text).toContain('Số khiếu nại');
    const api = (await request(service.url).get('/ratios?period=2026-Q1&scope=province:15').set('Authorization', operations()).expect(200)).body;
    expect(quarterly.text).toContain(`Số hồ sơ tiếp nhận qua dịch vụ BCCI,${api.counts['bcci-received']},`);
    const register = await request(service.url).get('/exports/dossier-register.csv?period=2026-01&scope=postal-point:33100').set('Authorization', operations()).expect(200);
    const [{ count }] = await service.dataSource.query(`SELECT count(*)::int AS count FROM counting_dossier_facts WHERE fact->>'intakeDay' BETWEEN '2026-01-01' AND '2026-01-31' AND intake_postal_code = '33100'`);
    expect(register.text).toContain(`${count} hồ sơ`);
    expect(register.text.trim().split('\r\n')).toHaveLength(3 + count);
  });

  it('needs an operations or auditor token and refuses unknown reports', async () => {
    await request(service.url).get('/exports/ratio-report.csv').expect(401);
    await request(service.url).get('/exports/payroll.csv').set('Authorization', operations()).expect(400);
  });
});
