import { CatalogLookupError } from './catalog';
import { loadSampleCatalog } from './load/load-catalog';

const DRIVING_LICENCE_RENEWAL = '1.002804';
const CRIMINAL_RECORD = '2.000488';

describe('Catalog effective-dated lookups (pilot sample)', () => {
  const catalog = loadSampleCatalog();

  it('moves driving-licence renewal from the Department of Transport to the police on 2025-03-01', () => {
    expect(catalog.getCompetentAgency(DRIVING_LICENCE_RENEWAL, '2025-02-28').id).toBe('000.00.16.H65');
    expect(catalog.getCompetentAgency(DRIVING_LICENCE_RENEWAL, '2025-02-28').name).toBe('Sở Giao thông vận tải tỉnh Yên Bái');
    expect(catalog.getCompetentAgency(DRIVING_LICENCE_RENEWAL, '2025-03-01').id).toBe('000.05.15.G01');
    expect(catalog.getCompetentAgency(DRIVING_LICENCE_RENEWAL, '2025-03-01').name).toMatch(/Cảnh sát giao thông/);
    // After the merger the police unit of the new Lào Cai province, under its reissued id.
    expect(catalog.getCompetentAgency(DRIVING_LICENCE_RENEWAL, '2025-07-01').id).toBe('000.05.39.G01');
  });

  it('names province 15 Yên Bái until 2025-06-30 and Lào Cai from 2025-07-01', () => {
    expect(catalog.getAdministrativeUnit('15', '2025-06-30').name).toBe('Tỉnh Yên Bái');
    expect(catalog.getAdministrativeUnit('15', '2025-07-01').name).toBe('Tỉnh Lào Cai');
    expect(catalog.administrativeUnitHistory('15').map((u) => u.name)).toEqual(['Tỉnh Yên Bái', 'Tỉnh Lào Cai']);
  });

  it('ends old Lào Cai (code 10) on 2025-06-30', () => {
    expect(catalog.findAdministrativeUnit('10', '2025-06-30')?.name).toBe('Tỉnh Lào Cai');
    expect(catalog.findAdministrativeUnit('10', '2025-07-01')).toBeUndefined();
  });

  it('resolves a historic district for a 2023 date and groups its postal points', () => {
    const snapshot = catalog.at('2023-03-15');
    expect(snapshot.getAdministrativeUnit('136')).toMatchObject({ name: 'Huyện Văn Yên', level: 'district' });
    expect(snapshot.enclosingUnit('04465', 'district')?.name).toBe('Huyện Văn Yên');
    expect(snapshot.lineageOf('04255').map((u) => u.code)).toEqual(['04255', '132', '15']);
    const pointsOfVanYen = snapshot.postalPointsWithin('136').map((p) => p.postalCode).sort();
    expect(pointsOfVanYen).toEqual(['33700', '33710', '33720', '33730', '33740']);
  });

  it('has no district in force after the reorganisation', () => {
    const snapshot = catalog.at('2025-07-01');
    expect(snapshot.administrativeUnits('district')).toEqual([]);
    expect(snapshot.findAdministrativeUnit('136')).toBeUndefined();
    expect(snapshot.lineageOf('04249').map((u) => u.name)).toEqual(['Phường Yên Bái', 'Tỉnh Lào Cai']);
    expect(snapshot.getPostalPoint('33110').administrativeUnitCode).toBe('04249');
    expect(catalog.getPostalPoint('33110', '2023-01-01').administrativeUnitCode).toBe('04255');
  });

  it('reads the day in Vietnam time when given an instant', () => {
    // 17:30 UTC on 30 June is 00:30 on 1 July in Vietnam: already the merged province.
    expect(catalog.getAdministrativeUnit('15', new Date('2025-06-30T17:30:00Z')).name).toBe('Tỉnh Lào Cai');
    expect(catalog.getAdministrativeUnit('15', new Date('2025-06-30T16:59:59Z')).name).toBe('Tỉnh Yên Bái');
  });

  it('find returns undefined and get throws a clear error outside any version', () => {
    expect(catalog.findPostalPoint('33740', '2025-01-01')).toBeUndefined();
    expect(() => catalog.getPostalPoint('33740', '2025-01-01')).toThrow(CatalogLookupError);
    expect(() => catalog.getPostalPoint('33740', '2025-01-01')).toThrow('"33740" không có hiệu lực vào ngày 2025-01-01 (các phiên bản: 2020-01-01 → 2024-12-31)');
    expect(() => catalog.getAgency('000.00.99.H65', '2023-01-01')).toThrow('Danh mục không có cơ quan "000.00.99.H65"');
    expect(() => catalog.getProcedure(CRIMINAL_RECORD, '2023-02-30')).toThrow(RangeError);
  });

  it('follows reissued agency ids across the merger', () => {
    expect(catalog.findSuccessorAgency('000.00.13.H65', '2023-01-01', '2025-07-01')?.name).toBe('Sở Tư pháp tỉnh Lào Cai');
    expect(catalog.findSuccessorAgency('000.00.16.H65', '2024-01-01', '2025-03-01')?.name).toBe('Sở Xây dựng tỉnh Yên Bái');
    expect(catalog.findSuccessorAgency('000.00.16.H65', '2024-01-01', '2026-01-01')?.id).toBe('000.00.15.H39');
  });

  it('lists what an agency handles and which procedures go through BCCI on a day', () => {
    const before = catalog.at('2024-06-01');
    expect(before.proceduresOfAgency('000.00.16.H65').map((p) => p.code).sort()).toEqual(['1.001765', DRIVING_LICENCE_RENEWAL]);
    expect(catalog.at('2025-04-01').proceduresOfAgency('000.00.16.H65')).toEqual([]);
    expect(before.bcciProcedures()).toHaveLength(6);
    expect(before.getProcedure('1.001765').bcciServiceForms).toEqual([2]);
  });

  it('keeps the postal legs as data: districts until 2025-06-30, communes after', () => {
    expect(catalog.at('2024-01-01').findPostalLeg('between-districts')?.maxWorkingDays).toBe(2);
    expect(catalog.at('2025-07-01').findPostalLeg('between-districts')).toBeUndefined();
    expect(catalog.at('2025-07-01').findPostalLeg('within-commune')?.maxWorkingDays).toBe(1);
    expect(catalog.at('2025-07-01').findPostalLeg('between-provinces', 'other')).toMatchObject({ maxWorkingDays: 4, maxWorkingDaysWithAppointment: 8 });
  });
});
