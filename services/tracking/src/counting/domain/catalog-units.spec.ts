import { loadSampleCatalog } from '@bcci/catalog';
import type { LocalDate } from '@bcci/kernel';
import { CatalogUnitResolver, currentKeysOf } from './catalog-units';

const catalog = loadSampleCatalog();
const resolver = new CatalogUnitResolver(catalog);
const d = (day: string) => day as LocalDate;

describe('effective-dated units (sample catalog across the 01/07/2025 merger)', () => {
  it('places a postal point in the commune and province in force on the day', () => {
    // Point 33110 stood in ward Nguyễn Thái Học (04255) until 30/06/2025, then in the merged ward 04249.
    expect(resolver.locatePostalPoint('33110', d('2025-06-30'))).toEqual({ communeCode: '04255', provinceCode: '15' });
    expect(resolver.locatePostalPoint('33110', d('2025-07-01'))).toEqual({ communeCode: '04249', provinceCode: '15' });
  });

  it('finds the province through the district before the reorganisation and directly after it', () => {
    expect(resolver.locatePostalPoint('33700', d('2023-03-01'))).toEqual({ communeCode: '04441', provinceCode: '15' });
    expect(resolver.locatePostalPoint('33700', d('2025-08-01'))).toEqual({ communeCode: '04441', provinceCode: '15' });
  });

  it('knows nothing of a closed point after its closing day', () => {
    expect(resolver.locatePostalPoint('33740', d('2024-12-31'))).toEqual({ communeCode: '04489', provinceCode: '15' });
    expect(resolver.locatePostalPoint('33740', d('2025-01-02'))).toBeUndefined();
  });

  it('maps a 2024 count onto today\'s units and agency ids (units=current)', () => {
    const keys = { provinceCode: '15', communeCode: '04255', postalCode: '33110', agencyId: '000.00.13.H65', procedureCode: '2.000488' };
    expect(currentKeysOf(catalog, keys, d('2024-05-02'), d('2026-01-15'))).toEqual({
      provinceCode: '15',
      communeCode: '04249',
      postalCode: '33110',
      agencyId: '000.00.13.H39',
      procedureCode: '2.000488',
    });
  });

  it('follows two successor hops (Transport → Construction → Lào Cai Construction)', () => {
    const keys = { provinceCode: '15', communeCode: '04441', postalCode: '33700', agencyId: '000.00.16.H65', procedureCode: '1.001765' };
    expect(currentKeysOf(catalog, keys, d('2024-05-02'), d('2026-01-15')).agencyId).toBe('000.00.15.H39');
  });

  it('keeps the province of a closed point when its commune is gone', () => {
    const keys = { provinceCode: '15', communeCode: '04489', postalCode: '33740', agencyId: '', procedureCode: '2.000488' };
    expect(currentKeysOf(catalog, keys, d('2024-05-02'), d('2026-01-15'))).toMatchObject({ provinceCode: '15', communeCode: '' });
  });
});
