import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Catalog } from '../catalog';
import { computeCatalogVersion } from '../catalog-version';
import { ENTITY_KINDS } from '../model/catalog-data';
import { CatalogValidationError } from '../validation/validation-issue';
import { SAMPLE_DATA_DIRECTORY, loadCatalogFromDirectory, loadSampleCatalog, readCatalogDirectory } from './load-catalog';

describe('sample catalog', () => {
  it('loads, validates and is flagged as sample in every file', () => {
    const catalog = loadSampleCatalog();
    expect(catalog.sample).toBe(true);
    for (const kind of ENTITY_KINDS) {
      const document = JSON.parse(fs.readFileSync(path.join(SAMPLE_DATA_DIRECTORY, `${kind}.json`), 'utf8'));
      expect(document).toMatchObject({ kind, sample: true });
    }
    expect(fs.existsSync(path.join(SAMPLE_DATA_DIRECTORY, 'README.md'))).toBe(true);
  });

  it('covers the pilot: 6 procedures, ≥12 postal points of every level in 33xxx, a demo agency', () => {
    const { data } = loadSampleCatalog();
    expect(new Set(data.procedures.map((p) => p.code)).size).toBe(6);
    const codes = new Set(data['postal-points'].map((p) => p.postalCode));
    expect(codes.size).toBeGreaterThanOrEqual(12);
    for (const code of codes) expect(code).toMatch(/^33\d{3}$/);
    expect(new Set(data['postal-points'].map((p) => p.level))).toEqual(new Set(['level-1', 'level-2', 'level-3', 'commune-cultural']));
    expect(data.agencies.filter((a) => a.demo)).toHaveLength(1);
    for (const procedure of data.procedures) {
      expect(procedure.components.some((c) => c.required)).toBe(true);
      expect(Number.isSafeInteger(procedure.fees.agencyFeeVnd)).toBe(true);
    }
  });

  it('is frozen so no service can alter shared reference data', () => {
    const unit = loadSampleCatalog().getAdministrativeUnit('15', '2024-01-01');
    expect(() => ((unit as { name: string }).name = 'x')).toThrow(TypeError);
  });
});

describe('catalog version', () => {
  const { data, sample } = readCatalogDirectory(SAMPLE_DATA_DIRECTORY);

  it('is a content hash, independent of record order', () => {
    const reversed = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, [...data[kind]].reverse()])) as unknown as typeof data;
    expect(computeCatalogVersion(reversed, sample)).toBe(loadSampleCatalog().version);
    expect(loadSampleCatalog().version).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes when any value changes', () => {
    const procedures = data.procedures.map((p, i) => (i === 0 ? { ...p, fees: { ...p.fees, agencyFeeVnd: p.fees.agencyFeeVnd + 1 } } : p));
    expect(computeCatalogVersion({ ...data, procedures }, sample)).not.toBe(loadSampleCatalog().version);
  });
});

describe('loadCatalogFromDirectory', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-load-'));
    for (const kind of ENTITY_KINDS) fs.copyFileSync(path.join(SAMPLE_DATA_DIRECTORY, `${kind}.json`), path.join(directory, `${kind}.json`));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('reports every invalid record and missing file, not just the first', () => {
    const file = path.join(directory, 'postal-points.json');
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    document.items[0].postalCode = '3310';
    document.items[1].level = 'level-9';
    fs.writeFileSync(file, JSON.stringify(document));
    fs.rmSync(path.join(directory, 'postal-legs.json'));
    try {
      loadCatalogFromDirectory(directory);
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogValidationError);
      const issues = (error as CatalogValidationError).issues;
      expect(issues.map((i) => [i.kind, i.index, i.field])).toEqual([
        ['postal-legs', null, null],
        ['postal-points', 0, 'postalCode'],
        ['postal-points', 1, 'level'],
      ]);
    }
  });

  it('refuses a catalog where a procedure has a day without competent agency', () => {
    const { data: good } = readCatalogDirectory(directory);
    const procedures = good.procedures.map((p) =>
      p.code === '1.002804' ? { ...p, competentAgencies: p.competentAgencies.filter((a) => a.agencyId !== '000.05.15.G01') } : p,
    );
    expect(() => Catalog.fromData({ ...good, procedures })).toThrow(/không có cơ quan có thẩm quyền/);
  });
});
