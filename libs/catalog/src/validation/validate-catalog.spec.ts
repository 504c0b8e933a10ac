import { readCatalogDirectory, SAMPLE_DATA_DIRECTORY } from '../load/load-catalog';
import type { CatalogData } from '../model/catalog-data';
import { validateAgency, validateProcedure } from './record-validators';
import { validateCatalogData } from './validate-catalog';

const sample = readCatalogDirectory(SAMPLE_DATA_DIRECTORY).data;

describe('validateCatalogData', () => {
  it('accepts the sample', () => {
    expect(validateCatalogData(sample)).toEqual([]);
  });

  it('refuses overlapping versions of one code', () => {
    const units = [...sample['administrative-units'], { ...sample['administrative-units'][1], validFrom: '2025-06-01', validTo: '2025-06-15', name: 'Trùng' }];
    const issues = validateCatalogData({ ...sample, 'administrative-units': units });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'administrative-units', index: units.length - 1, field: 'validFrom' });
    expect(issues[0].message).toMatch(/chồng lấn/);
  });

  it('refuses a commune whose district ended before it', () => {
    const units = sample['administrative-units'].map((u) => (u.code === '04465' && u.parentCode === '136' ? { ...u, validTo: '2025-12-31' } : u));
    const issues = validateCatalogData({ ...sample, 'administrative-units': units } as CatalogData);
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['parentCode', 'validFrom']));
  });

  it('refuses a postal point attached to a district, and one referencing a missing agency in a procedure', () => {
    const points = sample['postal-points'].map((p, i) => (i === 0 ? { ...p, administrativeUnitCode: '13200', validTo: '2024-01-01' } : p));
    const procedures = sample.procedures.map((p, i) =>
      i === 0 ? { ...p, competentAgencies: [{ agencyId: '000.00.77.H65', validFrom: p.validFrom, validTo: null }] } : p,
    );
    const issues = validateCatalogData({ ...sample, 'postal-points': points, procedures });
    expect(issues.map((i) => [i.kind, i.index, i.field])).toEqual([
      ['postal-points', 0, 'administrativeUnitCode'],
      ['procedures', 0, 'competentAgencies[0].agencyId'],
    ]);
  });

  it('skips references to kinds that are not present', () => {
    const issues = validateCatalogData({ ...sample, agencies: [] }, { presentKinds: new Set(['procedures']) });
    expect(issues).toEqual([]);
  });
});

describe('record validators', () => {
  it('report every bad field of a procedure at once', () => {
    const result = validateProcedure({
      code: '1.01',
      name: '',
      sector: 'Hộ tịch',
      validFrom: '2025-13-01',
      competentAgencies: [{ agencyId: 'sở tư pháp', validFrom: '2020-01-01', validTo: null }],
      components: [{ name: 'Tờ khai', required: 'yes', accepts: ['scan'], count: 0 }],
      bcciServiceForms: [4],
      timeLimits: { inPersonDays: 5, onlineDays: null, bcciDays: null },
      fees: { agencyFeeVnd: 1000.5 },
      colour: 'đỏ',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toEqual([
      'code',
      'name',
      'validFrom',
      'competentAgencies[0].agencyId',
      'components[0].required',
      'components[0].accepts',
      'components[0].count',
      'bcciServiceForms',
      'fees.agencyFeeVnd',
      'colour',
    ]);
  });

  it('checks agency ids against QĐ 20/2020 (≤ 35 chars of [0-9A-Z.])', () => {
    const base = { name: 'Sở', level: 'department', parentId: null, administrativeUnitCode: null, workingCalendarId: 'vn', successorId: null, validFrom: '2020-01-01', validTo: null };
    expect(validateAgency({ ...base, id: '000.00.13.H65' }).ok).toBe(true);
    expect(validateAgency({ ...base, id: '000.00.13.h65' }).ok).toBe(false);
    expect(validateAgency({ ...base, id: `${'0'.repeat(31)}.H65` }).ok).toBe(true);
    expect(validateAgency({ ...base, id: `${'0'.repeat(32)}.H65` }).ok).toBe(false);
    expect(validateAgency({ ...base, id: '000.00.13.B' }).ok).toBe(false);
    expect(validateAgency({ ...base, id: '000..H65' }).ok).toBe(false);
  });
});
