import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENTITY_KINDS } from '../model/catalog-data';
import { loadCatalogFromDirectory, SAMPLE_DATA_DIRECTORY } from '../load/load-catalog';
import { checkCatalogText } from './check-catalog-text';
import { importCatalogFile } from './import-catalog-file';

const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('importCatalogFile', () => {
  let outDir: string;
  beforeEach(() => (outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-import-'))));
  afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

  const importOk = (kind: (typeof ENTITY_KINDS)[number], file: string) => {
    const report = importCatalogFile({ kind, file, outDir });
    expect(report.errors).toEqual([]);
    expect(report.written).toBe(true);
    return report;
  };

  it('reports every bad procedure row with its line and column, and writes nothing', () => {
    importOk('administrative-units', fixture('administrative-units.csv'));
    importOk('agencies', fixture('agencies.csv'));
    const before = fs.readdirSync(outDir).sort();

    const report = importCatalogFile({ kind: 'procedures', file: fixture('procedures.csv'), outDir });

    expect(report.written).toBe(false);
    expect(report.rowCount).toBe(6);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'code'],
      [3, 'agencyFeeVnd'],
      [6, 'competentAgencies (competentAgencies[0].agencyId)'],
      [6, 'competentAgencies (competentAgencies[1].agencyId)'],
      [7, 'components'],
    ]);
    expect(report.errors[1].message).toContain('"8000,5"');
    expect(report.errors[2].message).toContain('000.00.16.H65');
    expect(report.errors[4].message).toContain('"phải có"');
    expect(fs.readdirSync(outDir).sort()).toEqual(before);
  });

  it('reports bad postal points (BOM, CRLF, quoted fields) and writes nothing', () => {
    importOk('administrative-units', fixture('administrative-units.csv'));
    const report = importCatalogFile({ kind: 'postal-points', file: fixture('postal-points.csv'), outDir });
    expect(report.written).toBe(false);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'postalCode'],
      [4, 'level'],
      [5, 'validTo'],
      [7, null],
    ]);
    expect(fs.existsSync(path.join(outDir, 'postal-points.json'))).toBe(false);
  });

  it('writes normalised JSON once every row is valid', () => {
    importOk('administrative-units', fixture('administrative-units.csv'));
    importOk('agencies', fixture('agencies.csv'));
    const good = fs.readFileSync(fixture('procedures.csv'), 'utf8').split('\n').filter((_, i) => [0, 1, 3, 4, 7].includes(i)).join('\n');
    const file = path.join(outDir, 'good-procedures.csv');
    fs.writeFileSync(file, good);

    const report = importOk('procedures', file);
    expect(report.items).toHaveLength(3);

    const written = JSON.parse(fs.readFileSync(path.join(outDir, 'procedures.json'), 'utf8'));
    expect(written).toMatchObject({ kind: 'procedures', sample: false, source: 'good-procedures.csv' });
    expect(written.items[0]).toMatchObject({
      code: '2.000488',
      validTo: null,
      bcciServiceForms: [1, 2, 3],
      fees: { agencyFeeVnd: 200000, feeNote: 'Sinh viên, người có công: 100.000 đồng', postageSendVnd: 25000 },
      competentAgencies: [
        { agencyId: '000.00.13.H65', validFrom: '2020-01-01', validTo: '2025-06-30' },
        { agencyId: '000.00.13.H39', validFrom: '2025-07-01', validTo: null },
      ],
      components: [
        { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', required: true, accepts: ['original'], count: 1 },
        { name: 'Bản chụp Căn cước công dân', required: true, accepts: ['copy'], count: 1 },
      ],
    });
    expect(written.items[1].components[1]).toEqual({ name: 'Điều lệ hội', required: true, accepts: ['original', 'copy'], count: 2 });
    expect(written.items[2]).toMatchObject({ code: '1.003879', timeLimits: { inPersonDays: 30, onlineDays: 30, bcciDays: 30 } });

    const units = JSON.parse(fs.readFileSync(path.join(outDir, 'administrative-units.json'), 'utf8'));
    expect(units.items[0]).toMatchObject({ code: '15', validFrom: '1991-10-01', validTo: '2025-06-30' });
  });

  it('warns when references cannot be checked yet, but still imports', () => {
    const report = importOk('agencies', fixture('agencies.csv'));
    expect(report.warnings.map((w) => w.message).join()).toMatch(/administrative-units/);
    expect(report.catalogVersion).toBeNull();
  });

  it('refuses to replace a list when existing lists would lose a reference', () => {
    importOk('administrative-units', fixture('administrative-units.csv'));
    importOk('agencies', fixture('agencies.csv'));
    const agenciesWithoutJustice = fs.readFileSync(fixture('agencies.csv'), 'utf8').split('\n').filter((line) => !line.startsWith('000.00.13.H39')).join('\n');
    const procedures = path.join(outDir, 'p.csv');
    fs.writeFileSync(procedures, fs.readFileSync(fixture('procedures.csv'), 'utf8').split('\n').slice(0, 2).join('\n'));
    importOk('procedures', procedures);
    const agencies = path.join(outDir, 'a.csv');
    fs.writeFileSync(agencies, agenciesWithoutJustice);

    const report = importCatalogFile({ kind: 'agencies', file: agencies, outDir });
    expect(report.written).toBe(false);
    expect(report.errors.some((e) => e.line === null && e.message.includes('procedures.json') && e.message.includes('000.00.13.H39'))).toBe(true);
  });

  it('imports JSON lists, reporting bad elements by line', () => {
    const file = path.join(outDir, 'legs.json');
    fs.writeFileSync(
      file,
      [
        '[',
        '  {"id": "a", "scope": "within-commune", "destinationClass": null, "maxWorkingDays": 1, "maxWorkingDaysWithAppointment": 2, "legalBasis": "x", "validFrom": "2025-07-01", "validTo": null},',
        '  {"id": "b", "scope": "nowhere", "maxWorkingDays": 1, "maxWorkingDaysWithAppointment": 2, "legalBasis": "x", "validFrom": "2025-07-01"},',
        '  {"id": "c", "scope": "within-commune", "maxWorkingDays": 1,',
        '   "maxWorkingDaysWithAppointment": 2, "legalBasis": "x", "validFrom": "2025-07-01"}',
        ']',
      ].join('\n'),
    );
    const report = importCatalogFile({ kind: 'postal-legs', file, outDir });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'scope'],
      [4, 'scope'],
    ]);
    expect(report.errors[1].message).toMatch(/"a"/);
    expect(report.written).toBe(false);
  });

  it('rebuilds the whole sample through the importer with the same content hash apart from the sample flag', () => {
    for (const kind of ENTITY_KINDS) importOk(kind, path.join(SAMPLE_DATA_DIRECTORY, `${kind}.json`));
    const catalog = loadCatalogFromDirectory(outDir);
    expect(catalog.sample).toBe(false);
    expect(catalog.data.procedures).toEqual(loadCatalogFromDirectory(SAMPLE_DATA_DIRECTORY).data.procedures);
  });

  it('fails cleanly on an unknown format or a missing file', () => {
    expect(importCatalogFile({ kind: 'agencies', file: 'x.xlsx', outDir }).errors[0].message).toMatch(/định dạng/);
    expect(importCatalogFile({ kind: 'agencies', file: path.join(outDir, 'none.csv'), outDir }).errors[0].message).toMatch(/không tìm thấy/);
  });
});

describe('checkCatalogText CSV cells', () => {
  const header = 'code,name,sector,validFrom,validTo,competentAgencies,components,bcciServiceForms,timeLimitInPersonDays,timeLimitOnlineDays,timeLimitBcciDays,agencyFeeVnd';
  const row = (fee: string) => `${header}\n1.000001,Thủ tục,Lĩnh vực,2020-01-01,,000.00.13.H65@2020-01-01..,Đơn | tùy chọn | sao,,5,,,${fee}`;

  it.each([
    ['135000', 135000],
    ['"135.000"', 135000],
    ['"1,500,000 đồng"', 1500000],
    ['0', 0],
  ])('accepts the amount %s', (cell, expected) => {
    const check = checkCatalogText('procedures', row(cell), 'csv');
    expect(check.errors).toEqual([]);
    expect(check.items[0].fees.agencyFeeVnd).toBe(expected);
    expect(check.items[0].bcciServiceForms).toEqual([]);
    expect(check.items[0].timeLimits).toEqual({ inPersonDays: 5, onlineDays: null, bcciDays: null });
    expect(check.items[0].fees.postageSendVnd).toBeNull();
    expect(check.items[0].components[0]).toEqual({ name: 'Đơn', required: false, accepts: ['copy'], count: 1 });
  });

  it.each(['"135.000,5"', '12.5', '-1', 'mười'])('refuses the amount %s', (cell) => {
    const check = checkCatalogText('procedures', row(cell), 'csv');
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toMatchObject({ line: 2, field: 'agencyFeeVnd' });
  });

  it('reports a wrong header once instead of on every row', () => {
    const check = checkCatalogText('postal-points', 'postalCode,name,levl,administrativeUnitCode,validFrom\n33100,A,level-1,04249,2020-01-01\n33101,B,level-1,04249,2020-01-01', 'csv');
    expect(check.errors.map((e) => e.message)).toEqual([
      'thiếu cột bắt buộc "level"',
      expect.stringContaining('cột không xác định "levl"'),
    ]);
  });

  it('reads decomposed (NFD) Vietnamese as composed text', () => {
    const text = 'postalCode,name,level,administrativeUnitCode,validFrom\n33100,Bưu cục Yên Bái,level-1,04249,2020-01-01'.normalize('NFD');
    expect(checkCatalogText('postal-points', text, 'csv').items[0].name).toBe('Bưu cục Yên Bái'.normalize('NFC'));
  });
});
