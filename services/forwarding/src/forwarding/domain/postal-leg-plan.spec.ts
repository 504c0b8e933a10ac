import { loadSampleCatalog } from '@bcci/catalog';
import { parseLocalDate } from '@bcci/kernel';
import { COMMUNE_AGENCY_ID, OTHER_PROVINCE_AGENCY_ID, testCatalog } from '../testing/test-catalog';
import { competentAgencyOn } from './competent-agency.rule';
import { choosePostalLeg } from './postal-leg-class.rule';
import { planPostalLeg, type LegRequest } from './postal-leg-plan';

const DRIVING_LICENCE_RENEWAL = '1.002804';
const CRIMINAL_RECORD = '2.000488';
const d = parseLocalDate;

function plan(request: Partial<LegRequest> & Pick<LegRequest, 'intakeDay' | 'registeredAt'>) {
  const result = planPostalLeg(loadSampleCatalog(), { procedureCode: CRIMINAL_RECORD, originPostalCode: '33100', ...request });
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

describe('effective-dated competence: the agency is read on the date of intake', () => {
  it('routes a driving-licence renewal received on 2025-02-28 to the Department of Transport', () => {
    const p = plan({ procedureCode: DRIVING_LICENCE_RENEWAL, intakeDay: d('2025-02-28'), registeredAt: new Date('2025-02-28T10:00:00+07:00') });
    expect(p.agencyId).toBe('000.00.16.H65');
    expect(p.competenceDate).toBe('2025-02-28');
  });

  it('routes a driving-licence renewal received on 2025-03-01 to the traffic police', () => {
    const p = plan({ procedureCode: DRIVING_LICENCE_RENEWAL, intakeDay: d('2025-03-03'), registeredAt: new Date('2025-03-01T08:00:00+07:00') });
    expect(p.agencyId).toBe('000.05.15.G01');
    expect(p.competenceDate).toBe('2025-03-01');
  });

  it('reads the intake date in Vietnam time, not UTC (23:30 on 28/02 is still February in Yên Bái)', () => {
    const lateEvening = plan({ procedureCode: DRIVING_LICENCE_RENEWAL, intakeDay: d('2025-03-03'), registeredAt: new Date('2025-02-28T16:30:00Z') });
    expect(lateEvening.agencyId).toBe('000.00.16.H65');
    const afterMidnight = plan({ procedureCode: DRIVING_LICENCE_RENEWAL, intakeDay: d('2025-03-03'), registeredAt: new Date('2025-02-28T17:30:00Z') });
    expect(afterMidnight.agencyId).toBe('000.05.15.G01');
  });

  it('does not follow an ended agency to its successor: competence is the procedure mapping, not the id chain', () => {
    // Transport's successor id is Construction, yet licences went to the police.
    expect(competentAgencyOn(loadSampleCatalog(), DRIVING_LICENCE_RENEWAL, d('2025-03-01'))?.id).toBe('000.05.15.G01');
  });

  it('refuses a procedure the catalog does not know, with a reason', () => {
    const result = planPostalLeg(loadSampleCatalog(), { procedureCode: '9.999999', originPostalCode: '33100', intakeDay: d('2025-03-12'), registeredAt: new Date('2025-03-12T09:00:00+07:00') });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('9.999999') });
  });

  it('refuses a postal point the catalog does not know', () => {
    const result = planPostalLeg(loadSampleCatalog(), { procedureCode: CRIMINAL_RECORD, originPostalCode: '99999', intakeDay: d('2025-03-12'), registeredAt: new Date('2025-03-12T09:00:00+07:00') });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('99999') });
  });
});

describe('J+n by leg class (TT 17/2017 Đ7.2), n from the catalog, working days from the kernel', () => {
  it('a provincial department is reached between districts: J+2 (before 01/07/2025)', () => {
    const p = plan({ intakeDay: d('2025-03-12'), registeredAt: new Date('2025-03-12T09:00:00+07:00') });
    expect(p.deadline).toEqual({ legClass: 'BETWEEN_DISTRICTS', startDay: '2025-03-12', workingDays: 2, dueDate: '2025-03-14' });
    expect(p.originProvinceCode).toBe('15');
  });

  it('J+2 across a weekend: Friday 14/03/2025 → Tuesday 18/03/2025', () => {
    const p = plan({ intakeDay: d('2025-03-14'), registeredAt: new Date('2025-03-14T10:00:00+07:00') });
    expect(p.deadline.dueDate).toBe('2025-03-18');
  });

  it('J+2 across Tết 2025 (27–31/01 off, break 25/01–02/02): Friday 24/01 → Tuesday 04/02', () => {
    const p = plan({ intakeDay: d('2025-01-24'), registeredAt: new Date('2025-01-24T10:00:00+07:00') });
    expect(p.deadline).toEqual({ legClass: 'BETWEEN_DISTRICTS', startDay: '2025-01-24', workingDays: 2, dueDate: '2025-02-04' });
  });

  it('after the 2025 reorganisation the same journey is between communes: J+2', () => {
    const p = plan({ intakeDay: d('2025-08-04'), registeredAt: new Date('2025-08-04T09:00:00+07:00') });
    expect(p.agencyId).toBe('000.00.13.H39');
    expect(p.deadline).toEqual({ legClass: 'BETWEEN_COMMUNES', startDay: '2025-08-04', workingDays: 2, dueDate: '2025-08-06' });
  });

  it('takes J from the slip: an intake day that is not a working day rolls to the next one', () => {
    const p = plan({ intakeDay: d('2025-03-15'), registeredAt: new Date('2025-03-15T09:00:00+07:00') });
    expect(p.deadline.startDay).toBe('2025-03-17');
    expect(p.deadline.dueDate).toBe('2025-03-19');
  });

  describe('with agencies placed in a commune and in another province', () => {
    const catalog = testCatalog();
    const snapshot = catalog.at('2025-03-14');

    it('within the district of the agency\'s commune: J+1; from another district: J+2', () => {
      const chosen = choosePostalLeg(snapshot, { originUnitCode: '04252', agencyUnitCode: '04249' });
      expect(chosen.legClass).toBe('WITHIN_DISTRICT');
      expect(chosen.kind).toBe('within-local-unit');
      expect(chosen.leg.maxWorkingDays).toBe(1);
      const direct = choosePostalLeg(snapshot, { originUnitCode: '04441', agencyUnitCode: '04249' });
      expect(direct.legClass).toBe('BETWEEN_DISTRICTS');
    });

    it('between provinces to a place that is not a class-I city: J+4 (BETWEEN_PROVINCES_OTHER)', () => {
      const chosen = choosePostalLeg(snapshot, { originUnitCode: '04249', agencyUnitCode: '10' });
      expect(chosen.legClass).toBe('BETWEEN_PROVINCES_OTHER');
      expect(chosen.leg.maxWorkingDays).toBe(4);
      expect(chosen.kind).toBe('between-provinces');
    });

    it('an agency with no territory (a ministry) is reached between provinces', () => {
      const chosen = choosePostalLeg(snapshot, { originUnitCode: '04249', agencyUnitCode: null });
      expect(chosen.legClass).toBe('BETWEEN_PROVINCES_OTHER');
    });

    it('exposes the agencies used by the other tests', () => {
      expect(catalog.findAgency(COMMUNE_AGENCY_ID, '2025-03-14')?.administrativeUnitCode).toBe('04249');
      expect(catalog.findAgency(OTHER_PROVINCE_AGENCY_ID, '2025-03-14')?.administrativeUnitCode).toBe('10');
    });
  });
});
