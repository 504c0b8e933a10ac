import { Catalog, loadSampleCatalog, type AdministrativeUnit, type CatalogData } from './index';
import { classifyPostalLeg, legClassOf, postalLegBetween } from './postal-leg-between';

describe('postalLegBetween (TT 17/2017 Đ7.2 leg of a journey, on a given day)', () => {
  const catalog = loadSampleCatalog();

  it('is between districts of the province in 2024 and between communes after the 2025 reorganisation', () => {
    const leg2024 = postalLegBetween(catalog.at('2024-05-06'), '33100', '000.00.13.H65');
    expect(leg2024.scope).toBe('between-districts');
    expect(leg2024.maxWorkingDays).toBe(2);
    const leg2026 = postalLegBetween(catalog.at('2026-05-06'), '33100', '000.00.13.H39');
    expect(leg2026.scope).toBe('between-communes');
  });

  it('is between provinces, "other places" (J+4), for a central agency without a territory', () => {
    const leg = postalLegBetween(catalog.at('2024-05-06'), '33100', '000.00.00.G01');
    expect(leg.maxWorkingDays).toBe(4);
    expect(legClassOf(leg)).toBe('BETWEEN_PROVINCES_OTHER');
  });

  it('takes the class-I leg (J+3) only between two centrally-run cities', () => {
    const city = (code: string, name: string): AdministrativeUnit => ({ code, level: 'province', kind: 'centrally-run-city', name, parentCode: null, validFrom: '2020-01-01', validTo: null });
    const ward = (code: string, parentCode: string): AdministrativeUnit => ({ code, level: 'commune', kind: 'ward', name: `Phường ${code}`, parentCode, validFrom: '2025-07-01', validTo: null });
    const data = structuredClone(catalog.data) as CatalogData;
    const units = [city('01', 'Thành phố Hà Nội'), city('79', 'Thành phố Hồ Chí Minh'), ward('00004', '01'), ward('26734', '79')];
    const withCities = Catalog.fromData({ ...data, 'administrative-units': [...data['administrative-units'], ...units] } as CatalogData, { sample: true }).at('2026-05-06');

    const betweenCities = classifyPostalLeg(withCities, { originUnitCode: '00004', agencyUnitCode: '79' });
    expect(legClassOf(betweenCities)).toBe('BETWEEN_PROVINCES_CLASS_1_CITY');
    expect(betweenCities.maxWorkingDays).toBe(3);
    const laoCaiPoint = withCities.getPostalPoint('33100').administrativeUnitCode;
    expect(legClassOf(classifyPostalLeg(withCities, { originUnitCode: laoCaiPoint, agencyUnitCode: '79' }))).toBe('BETWEEN_PROVINCES_OTHER');
    expect(legClassOf(classifyPostalLeg(withCities, { originUnitCode: '26734', agencyUnitCode: '26734' }))).toBe('WITHIN_COMMUNE');
  });

  it('refuses an agency that did not exist that day', () => {
    expect(() => postalLegBetween(catalog.at('2024-05-06'), '33100', '000.00.13.H39')).toThrow();
  });
});
