import type { LocalDate } from '@bcci/kernel';
import { dayOf, parsePeriod, PeriodFormatError, periodContains, periodCovers, periodLabelVi } from './period';

const d = (day: string) => day as LocalDate;

describe('reporting periods', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2026-03-15', '2026-03-15', '2026-03-15'],
    ['2025-06-15..2025-07-14', '2025-06-15', '2025-07-14'],
  ])('%s runs from %s to %s inclusive', (input, start, end) => {
    expect(parsePeriod(input)).toMatchObject({ start, end });
  });

  it.each(['2026-Q5', '2026-13', '26', '2026-02-30', '2026-03-31..2026-03-01', 'Q1-2026', '2000-01-01..2020-01-01'])('refuses %s', (input) => {
    expect(() => parsePeriod(input)).toThrow(PeriodFormatError);
  });

  it('places an instant on its Vietnamese day (UTC+7), whatever the host time zone', () => {
    expect(dayOf('2026-03-31T16:59:59Z')).toBe('2026-03-31');
    expect(dayOf('2026-03-31T17:00:00Z')).toBe('2026-04-01');
    expect(dayOf('2026-04-01T00:30:00+07:00')).toBe('2026-04-01');
  });

  it('quarter boundaries follow Vietnam time: 23:30 on 31/03 in Hanoi is Q1, 00:30 on 01/04 is Q2', () => {
    const q1 = parsePeriod('2026-Q1');
    expect(periodContains(q1, dayOf('2026-03-31T23:30:00+07:00'))).toBe(true);
    expect(periodContains(q1, dayOf('2026-03-31T17:30:00Z'))).toBe(false);
    expect(periodContains(q1, dayOf('2025-12-31T17:00:00Z'))).toBe(true);
  });

  it('an import counts only when it lies inside the period', () => {
    const year = parsePeriod('2026');
    expect(periodCovers(year, d('2026-01-01'), d('2026-03-31'))).toBe(true);
    expect(periodCovers(parsePeriod('2026-01'), d('2026-01-01'), d('2026-03-31'))).toBe(false);
  });

  it('has Vietnamese labels for reports', () => {
    expect(periodLabelVi(parsePeriod('2026-Q1'))).toBe('Quý 1/2026');
    expect(periodLabelVi(parsePeriod('2026-03'))).toBe('Tháng 03/2026');
    expect(periodLabelVi(parsePeriod('2026-01-05..2026-01-09'))).toBe('Từ 05/01/2026 đến 09/01/2026');
  });
});
