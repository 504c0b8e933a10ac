import { DomainValidationError } from '../validation/domain-validation.error';

/**
 * A calendar date with no time and no zone, written `YYYY-MM-DD`.
 *
 * Why a string and not a `Date`: a `Date` is an instant, and turning it into a day depends on the
 * host's time zone, which is how "the deadline moved by one day on the CI server" bugs are born.
 * All arithmetic below goes through UTC epoch days, so the host zone never takes part.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** ISO weekday: 1 = Monday … 7 = Sunday (thứ Hai … Chủ nhật). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Checks the shape and that the day exists (no 2026-02-30). */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new DomainValidationError({
      code: 'local-date.invalid',
      message: `Not a valid calendar date (expected YYYY-MM-DD): "${value}"`,
      messageVi: `Ngày không hợp lệ (định dạng đúng: năm-tháng-ngày, ví dụ 2026-01-31): "${value}"`,
    });
  }
  return value;
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return parseLocalDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; computed in UTC on purpose.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function localDateParts(date: LocalDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = localDateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** end − start in calendar days. */
export function daysBetween(start: LocalDate, end: LocalDate): number {
  return toEpochDay(end) - toEpochDay(start);
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const index = (((toEpochDay(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return (index + 1) as IsoWeekday;
}

/** Negative, zero or positive like a comparator; ISO strings compare lexically. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
