import { addDays, isLocalDate, localDate, daysInMonth, toVietnamDate, type LocalDate } from '@bcci/kernel';

/**
 * A reporting period: inclusive first and last day, in Vietnam time (UTC+7). Events are placed on a day
 * by `dayOf`, so an event at 23:30 on 31/03 UTC belongs to 01/04 in Vietnam.
 */
export interface Period {
  /** As asked: `2026`, `2026-H1`, `2026-Q1`, `2026-03`, `2026-03-15`, `2026-01-01..2026-03-31`. */
  readonly label: string;
  readonly kind: 'year' | 'half-year' | 'quarter' | 'month' | 'day' | 'range';
  readonly start: LocalDate;
  readonly end: LocalDate;
}

export class PeriodFormatError extends Error {
  constructor(readonly input: string) {
    super(`Bad period "${input}": use YYYY, YYYY-H1, YYYY-Q1..Q4, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD`);
    this.name = 'PeriodFormatError';
  }
}

const MAX_RANGE_DAYS = 366 * 5;

export function parsePeriod(input: string): Period {
  const text = input.trim();
  let match: RegExpMatchArray | null;
  if ((match = /^(\d{4})$/.exec(text))) {
    const year = Number(match[1]);
    return { label: text, kind: 'year', start: localDate(year, 1, 1), end: localDate(year, 12, 31) };
  }
  if ((match = /^(\d{4})-H([12])$/i.exec(text))) {
    const year = Number(match[1]);
    const half = Number(match[2]);
    return { label: `${year}-H${half}`, kind: 'half-year', start: localDate(year, half === 1 ? 1 : 7, 1), end: half === 1 ? localDate(year, 6, 30) : localDate(year, 12, 31) };
  }
  if ((match = /^(\d{4})-Q([1-4])$/i.exec(text))) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    const lastMonth = quarter * 3;
    return { label: `${year}-Q${quarter}`, kind: 'quarter', start: localDate(year, lastMonth - 2, 1), end: localDate(year, lastMonth, daysInMonth(year, lastMonth)) };
  }
  if ((match = /^(\d{4})-(\d{2})$/.exec(text))) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw new PeriodFormatError(input);
    return { label: text, kind: 'month', start: localDate(year, month, 1), end: localDate(year, month, daysInMonth(year, month)) };
  }
  if (isLocalDate(text)) return { label: text, kind: 'day', start: text, end: text };
  if ((match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text))) {
    const [, start, end] = match;
    if (!isLocalDate(start) || !isLocalDate(end) || end < start) throw new PeriodFormatError(input);
    if (addDays(start, MAX_RANGE_DAYS) < end) throw new PeriodFormatError(input);
    return { label: text, kind: 'range', start, end };
  }
  throw new PeriodFormatError(input);
}

/** The Vietnamese day an instant falls on: the day that counts for reports. */
export function dayOf(instant: string | Date): LocalDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return toVietnamDate(date);
}

export function periodContains(period: Pick<Period, 'start' | 'end'>, day: LocalDate): boolean {
  return day >= period.start && day <= period.end;
}

/** Is [start, end] entirely inside the period (a denominator import counts only then)? */
export function periodCovers(period: Pick<Period, 'start' | 'end'>, start: LocalDate, end: LocalDate): boolean {
  return start >= period.start && end <= period.end;
}

export function periodsOverlap(a: Pick<Period, 'start' | 'end'>, start: LocalDate, end: LocalDate): boolean {
  return start <= a.end && end >= a.start;
}

/** Vietnamese label for reports: "Quý 1/2026", "Tháng 03/2026", "Năm 2026"… */
export function periodLabelVi(period: Period): string {
  const year = period.start.slice(0, 4);
  switch (period.kind) {
    case 'year':
      return `Năm ${year}`;
    case 'half-year':
      return `${period.label.endsWith('1') ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}`;
    case 'quarter':
      return `Quý ${period.label.slice(-1)}/${year}`;
    case 'month':
      return `Tháng ${period.start.slice(5, 7)}/${year}`;
    default:
      return `Từ ${formatDayVi(period.start)} đến ${formatDayVi(period.end)}`;
  }
}

export function formatDayVi(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
