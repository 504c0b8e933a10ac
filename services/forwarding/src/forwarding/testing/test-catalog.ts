import { Catalog, loadSampleCatalog, type Agency, type CatalogData } from '@bcci/catalog';

/**
 * The sample catalog plus two agencies the sample lacks, so every leg class can be exercised: one
 * serving a single commune (a journey "within the local unit") and one in another province.
 */
export const COMMUNE_AGENCY_ID = '000.00.77.H65';
export const OTHER_PROVINCE_AGENCY_ID = '000.00.13.H10';

export function testCatalog(): Catalog {
  const sample = loadSampleCatalog();
  const extra: Agency[] = [
    {
      id: COMMUNE_AGENCY_ID,
      name: 'Ủy ban nhân dân phường Yên Thịnh (mẫu kiểm thử)',
      level: 'commune',
      parentId: null,
      administrativeUnitCode: '04249',
      workingCalendarId: 'vn-public-administration',
      successorId: null,
      demo: true,
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
    },
    {
      id: OTHER_PROVINCE_AGENCY_ID,
      name: 'Sở Tư pháp tỉnh Lào Cai cũ (mẫu kiểm thử)',
      level: 'department',
      parentId: null,
      administrativeUnitCode: '10',
      workingCalendarId: 'vn-public-administration',
      successorId: null,
      demo: true,
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
    },
  ];
  const data: CatalogData = { ...sample.data, agencies: [...sample.data.agencies, ...extra] };
  return Catalog.fromData(structuredClone(data) as CatalogData, { sample: true });
}
