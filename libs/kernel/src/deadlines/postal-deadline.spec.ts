import { postalDayJ, postalDeadline, postalDueDate } from './postal-deadline';
import { BUNDLED_POSTAL_LEG_TABLE, loadPostalLegTable } from './postal-leg-table';
import { getWorkingCalendar, POSTAL_BCCI_CALENDAR_ID } from '../calendar/calendar-registry';
import { forbidHostTimeZone } from '../time/host-time-zone.test-helper';

/** An instant given as Vietnamese wall-clock time, so tests read like the slip. */
const vn = (localDateTime: string): Date => new Date(`${localDateTime}+07:00`);

describe('J: the intake day as it counts', () => {
  it('is the intake day before the 15:00 cutoff on a working day', () => {
    expect(postalDayJ(vn('2026-03-06T10:00:00'))).toBe('2026-03-06');
    expect(postalDayJ(vn('2026-03-06T06:30:00'))).toBe('2026-03-06');
  });

  it('still counts an intake at exactly 15:00, but not one second later', () => {
    expect(postalDayJ(vn('2026-03-06T15:00:00'))).toBe('2026-03-06');
    expect(postalDayJ(vn('2026-03-06T15:00:01'))).toBe('2026-03-09');
  });

  it('moves an intake after 15:00 on a Friday to Monday', () => {
    expect(postalDayJ(vn('2026-03-06T15:30:00'))).toBe('2026-03-09');
  });

  it('moves an intake on a non-working day to the next working day', () => {
    expect(postalDayJ(vn('2026-03-08T09:00:00'))).toBe('2026-03-09');
    expect(postalDayJ(vn('2026-02-17T09:00:00'))).toBe('2026-02-23');
  });

  it('honours a configured cutoff', () => {
    expect(postalDayJ(vn('2026-03-06T15:30:00'), { cutoff: '16:00' })).toBe('2026-03-06');
    expect(postalDayJ(vn('2026-03-06T14:30:00'), { cutoff: '14:00' })).toBe('2026-03-09');
  });

  it('uses the Vietnamese date, not the UTC one', () => {
    // 2026-03-08T23:30Z is Monday 06:30 in Vietnam.
    expect(postalDayJ(new Date('2026-03-08T23:30:00Z'))).toBe('2026-03-09');
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(postalDayJ(vn('2026-01-10T09:00:00'))).toBe('2026-01-10');
  });
});

describe('postal deadline J + n (TT 17/2017 Đ7)', () => {
  it('crosses a weekend', () => {
    expect(postalDeadline({ receivedAt: vn('2026-03-06T10:00:00'), leg: 'within-province' })).toEqual({
      j: '2026-03-06',
      n: 2,
      dueDate: '2026-03-10',
      calendarId: 'vn-public-administration',
    });
  });

  it('after 15:00 on a Friday, counts from Monday', () => {
    const deadline = postalDeadline({ receivedAt: vn('2026-03-06T15:30:00'), leg: 'within-local-unit' });
    expect([deadline.j, deadline.dueDate]).toEqual(['2026-03-09', '2026-03-10']);
  });

  it('crosses Tết 2026', () => {
    const deadline = postalDeadline({ receivedAt: vn('2026-02-13T14:00:00'), leg: 'between-provinces' });
    expect([deadline.j, deadline.n, deadline.dueDate]).toEqual(['2026-02-13', 4, '2026-02-26']);
  });

  it('crosses Tết 2025 after the cutoff on the last working day before it', () => {
    const deadline = postalDeadline({ receivedAt: vn('2025-01-24T16:00:00'), leg: 'within-province' });
    expect([deadline.j, deadline.dueDate]).toEqual(['2025-02-03', '2025-02-05']);
  });

  it('counts a make-up Saturday within n', () => {
    expect(postalDeadline({ receivedAt: vn('2026-01-08T10:00:00'), leg: 'within-province' }).dueDate).toBe('2026-01-10');
  });

  it('uses the longer limit when an appointment notice must be delivered', () => {
    const deadline = postalDeadline({ receivedAt: vn('2026-03-02T09:00:00'), leg: 'between-major-cities', withAppointmentNotice: true });
    expect([deadline.n, deadline.dueDate]).toEqual([6, '2026-03-10']);
  });

  it('follows the calendar passed in', () => {
    const post = getWorkingCalendar(POSTAL_BCCI_CALENDAR_ID);
    const deadline = postalDeadline({ receivedAt: vn('2026-03-06T10:00:00'), leg: 'within-local-unit', calendar: post });
    expect(deadline).toMatchObject({ j: '2026-03-06', dueDate: '2026-03-07', calendarId: POSTAL_BCCI_CALENDAR_ID });
  });
});

describe('postal leg table', () => {
  it('switches period on 01/07/2025 (districts abolished)', () => {
    const before = BUNDLED_POSTAL_LEG_TABLE.findPeriod('2025-06-30' as never);
    const after = BUNDLED_POSTAL_LEG_TABLE.findPeriod('2025-07-01' as never);
    expect(before?.validTo).toBe('2025-06-30');
    expect(after?.validFrom).toBe('2025-07-01');
    expect(before).not.toBe(after);
    expect(BUNDLED_POSTAL_LEG_TABLE.findPeriod('2017-08-14' as never)).toBeUndefined();
  });

  it('picks n from the period in force on J', () => {
    const legs = (n: number) => ({
      'within-local-unit': { n, nWithAppointmentNotice: n, label: '' },
      'within-province': { n, nWithAppointmentNotice: n, label: '' },
      'between-major-cities': { n, nWithAppointmentNotice: n, label: '' },
      'between-provinces': { n, nWithAppointmentNotice: n, label: '' },
    });
    const table = loadPostalLegTable({
      periods: [
        { validFrom: '2025-01-01', validTo: '2026-03-08', legs: legs(1) },
        { validFrom: '2026-03-09', validTo: null, legs: legs(3) },
      ],
    });
    // Received Friday after 15:00: J moves to Monday 09/03, when the new rule is in force.
    expect(postalDeadline({ receivedAt: vn('2026-03-06T15:30:00'), leg: 'within-province', legTable: table })).toMatchObject({
      j: '2026-03-09',
      n: 3,
      dueDate: '2026-03-12',
    });
    expect(postalDeadline({ receivedAt: vn('2026-03-06T10:00:00'), leg: 'within-province', legTable: table })).toMatchObject({ n: 1, dueDate: '2026-03-09' });
  });

  it('rejects overlapping or incomplete periods', () => {
    const legs = { 'within-local-unit': { n: 1, nWithAppointmentNotice: 2, label: '' } };
    expect(() => loadPostalLegTable({ periods: [{ validFrom: '2025-01-01', validTo: null, legs }] })).toThrow(/within-province/);
  });
});

describe('host time zone', () => {
  beforeEach(forbidHostTimeZone);
  afterEach(() => jest.restoreAllMocks());

  it('computes J + n without reading the host zone', () => {
    expect(postalDeadline({ receivedAt: vn('2026-02-13T15:30:00'), leg: 'between-provinces' }).dueDate).toBe('2026-02-27');
  });
});

describe('postalDueDate (n given by the catalog)', () => {
  it('counts n working days from J, J moving past the 15:00 cutoff and the weekend', () => {
    // Friday 2026-05-08 16:00 in Vietnam is after the cutoff: J is Monday 2026-05-11, J+2 is Wednesday.
    const deadline = postalDueDate({ receivedAt: new Date('2026-05-08T09:00:00Z'), n: 2 });
    expect(deadline).toMatchObject({ j: '2026-05-11', n: 2, dueDate: '2026-05-13' });
  });
});
