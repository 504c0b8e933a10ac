import { getWorkingCalendar, POSTAL_BCCI_CALENDAR_ID, PUBLIC_ADMINISTRATION_CALENDAR_ID } from './calendar-registry';
import { loadHolidayYear } from './holiday-year';
import { BUNDLED_HOLIDAY_YEARS } from './holiday-years';
import { CalendarDataMissingError, WorkingCalendar } from './working-calendar';
import { addWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay, workingDaysBetween } from './working-days';
import { isoWeekday, type LocalDate, parseLocalDate } from '../time/local-date';

const d = (value: string): LocalDate => parseLocalDate(value);
const admin = getWorkingCalendar(PUBLIC_ADMINISTRATION_CALENDAR_ID);
const post = getWorkingCalendar(POSTAL_BCCI_CALENDAR_ID);

describe('bundled holiday data', () => {
  it('covers 2024 to 2027, with 2027 provisional', () => {
    expect(admin.coveredYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(admin.findYear(2024)?.status).toBe('official');
    expect(admin.findYear(2025)?.status).toBe('official');
    expect(admin.findYear(2026)?.status).toBe('official');
    expect(admin.findYear(2027)?.status).toBe('provisional');
  });

  it('lists only weekdays as days off (weekends need no entry)', () => {
    for (const year of BUNDLED_HOLIDAY_YEARS) {
      for (const dayOff of year.daysOff) expect([dayOff.date, isoWeekday(dayOff.date) <= 5]).toEqual([dayOff.date, true]);
    }
  });

  it.each(['2025-01-01', '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-02', '2027-04-16', '2027-05-03'])(
    '%s is a day off',
    (date) => {
      expect(isWorkingDay(d(date), admin)).toBe(false);
    },
  );
});

describe('isWorkingDay', () => {
  it('treats New Year 2026 and its swapped Friday as days off and the make-up Saturday as working', () => {
    expect(isWorkingDay(d('2026-01-01'), admin)).toBe(false);
    expect(isWorkingDay(d('2026-01-02'), admin)).toBe(false);
    expect(isWorkingDay(d('2026-01-10'), admin)).toBe(true);
    expect(isWorkingDay(d('2026-01-11'), admin)).toBe(false);
    expect(admin.day(d('2026-01-10')).makeUpFor).toBe('2026-01-02');
  });

  it('works a make-up Saturday with the hours of the Friday it replaces', () => {
    expect(admin.day(d('2026-01-10')).officeHours).toEqual(admin.day(d('2026-01-09')).officeHours);
  });

  it('closes the whole Tết 2025 week (25/01–02/02)', () => {
    expect(isWorkingDay(d('2025-01-24'), admin)).toBe(true);
    for (let day = 25; day <= 31; day++) expect(isWorkingDay(d(`2025-01-${day}`), admin)).toBe(false);
    expect(isWorkingDay(d('2025-02-01'), admin)).toBe(false);
    expect(isWorkingDay(d('2025-02-02'), admin)).toBe(false);
    expect(isWorkingDay(d('2025-02-03'), admin)).toBe(true);
  });

  it('closes Tết 2026 from 16/02 to 20/02', () => {
    for (let day = 16; day <= 20; day++) expect(isWorkingDay(d(`2026-02-${day}`), admin)).toBe(false);
    expect(isWorkingDay(d('2026-02-13'), admin)).toBe(true);
    expect(isWorkingDay(d('2026-02-23'), admin)).toBe(true);
  });

  it('keeps 30/4–1/5/2025 with the 2/5 ↔ 26/4 swap', () => {
    expect(isWorkingDay(d('2025-04-26'), admin)).toBe(true);
    expect(isWorkingDay(d('2025-05-02'), admin)).toBe(false);
  });

  it('lets the postal calendar open on ordinary Saturdays but not on holidays', () => {
    expect(isWorkingDay(d('2026-03-07'), post)).toBe(true);
    expect(isWorkingDay(d('2026-03-07'), admin)).toBe(false);
    expect(isWorkingDay(d('2026-03-08'), post)).toBe(false);
    expect(isWorkingDay(d('2026-02-17'), post)).toBe(false);
  });

  it('knows 2024: Tết Giáp Thìn 08–14/02, the 29/04 ↔ 04/05 swap, Quốc khánh 02–03/09', () => {
    for (const day of ['2024-02-08', '2024-02-14', '2024-04-18', '2024-04-29', '2024-09-03']) expect(isWorkingDay(d(day), admin)).toBe(false);
    for (const day of ['2024-02-15', '2024-05-04', '2024-09-04']) expect(isWorkingDay(d(day), admin)).toBe(true);
  });

  it('refuses to guess for a year without data', () => {
    expect(() => isWorkingDay(d('2023-12-29'), admin)).toThrow(CalendarDataMissingError);
    expect(() => isWorkingDay(d('2028-01-03'), admin)).toThrow(/2028\.json/);
  });
});

describe('addWorkingDays', () => {
  it('skips a weekend', () => {
    expect(addWorkingDays(d('2026-03-06'), 1, admin)).toBe('2026-03-09');
    expect(addWorkingDays(d('2026-03-06'), 5, admin)).toBe('2026-03-13');
  });

  it('jumps over Tết', () => {
    expect(addWorkingDays(d('2025-01-24'), 1, admin)).toBe('2025-02-03');
    expect(addWorkingDays(d('2026-02-13'), 3, admin)).toBe('2026-02-25');
  });

  it('counts the make-up Saturday', () => {
    expect(addWorkingDays(d('2026-01-08'), 2, admin)).toBe('2026-01-10');
  });

  it('starts counting after a non-working start', () => {
    expect(addWorkingDays(d('2026-03-07'), 1, admin)).toBe('2026-03-09');
  });

  it('returns the start for 0 and counts backwards for negative n', () => {
    expect(addWorkingDays(d('2026-03-07'), 0, admin)).toBe('2026-03-07');
    expect(addWorkingDays(d('2025-02-03'), -1, admin)).toBe('2025-01-24');
    expect(previousWorkingDay(d('2026-01-12'), admin)).toBe('2026-01-10');
    expect(nextWorkingDay(d('2025-12-31'), admin)).toBe('2026-01-05');
  });

  it('refuses fractional n', () => {
    expect(() => addWorkingDays(d('2026-03-06'), 1.5, admin)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (start, end]', () => {
    expect(workingDaysBetween(d('2026-03-06'), d('2026-03-09'), admin)).toBe(1);
    expect(workingDaysBetween(d('2025-01-24'), d('2025-02-03'), admin)).toBe(1);
    expect(workingDaysBetween(d('2025-12-31'), d('2026-01-10'), admin)).toBe(6);
    expect(workingDaysBetween(d('2026-03-06'), d('2026-03-06'), admin)).toBe(0);
    expect(workingDaysBetween(d('2026-03-09'), d('2026-03-06'), admin)).toBe(-1);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2025-01-20', '2025-12-29', '2026-02-10', '2026-08-28']) {
      for (const n of [1, 3, 7, 15]) {
        expect(workingDaysBetween(d(start), addWorkingDays(d(start), n, admin), admin)).toBe(n);
      }
    }
  });
});

describe('holiday data loading', () => {
  const base = { year: 2030, status: 'official', sources: ['test'], daysOff: [], makeUpWorkingDays: [] };

  it('rejects a date outside its year, duplicates, unknown kinds and unmatched swaps', () => {
    expect(() => loadHolidayYear({ ...base, daysOff: [{ date: '2031-01-01', kind: 'public-holiday', name: 'x' }] })).toThrow(/not a date in 2030/);
    expect(() =>
      loadHolidayYear({
        ...base,
        daysOff: [
          { date: '2030-01-01', kind: 'public-holiday', name: 'x' },
          { date: '2030-01-01', kind: 'public-holiday', name: 'x' },
        ],
      }),
    ).toThrow(/twice/);
    expect(() => loadHolidayYear({ ...base, daysOff: [{ date: '2030-01-01', kind: 'holiday', name: 'x' }] })).toThrow(/unknown kind/);
    expect(() => loadHolidayYear({ ...base, daysOff: [{ date: '2030-01-04', kind: 'swapped-day-off', name: 'x' }] })).toThrow(/no make-up/);
    expect(() =>
      loadHolidayYear({ ...base, makeUpWorkingDays: [{ date: '2030-01-07', replaces: '2030-01-04', name: 'x' }] }),
    ).toThrow(/not a Saturday or Sunday/);
  });

  it('lets a calendar ignore government swaps', () => {
    const enterprise = new WorkingCalendar(
      { ...admin.definition, id: 'no-swaps', observes: ['public-holiday', 'compensatory-day-off'] },
      BUNDLED_HOLIDAY_YEARS,
    );
    expect(isWorkingDay(d('2026-01-02'), enterprise)).toBe(true);
    expect(isWorkingDay(d('2026-01-10'), enterprise)).toBe(false);
    expect(isWorkingDay(d('2026-01-01'), enterprise)).toBe(false);
  });
});
