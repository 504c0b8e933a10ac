import { type WorkingCalendar } from './working-calendar';
import { addDays, compareLocalDates, type LocalDate } from '../time/local-date';

/**
 * Safety stop for the day-by-day walks below: no real calendar has a year without working days,
 * so walking this far means the data (or the calendar definition) is broken.
 */
const MAX_CALENDAR_DAYS_WALKED = 3660;

export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  return calendar.day(date).working;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  return stepToWorkingDay(date, 1, calendar);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  return stepToWorkingDay(date, -1, calendar);
}

/** `date` itself when it is a working day, otherwise the next one. */
export function workingDayOnOrAfter(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  return isWorkingDay(date, calendar) ? date : nextWorkingDay(date, calendar);
}

/**
 * The date `n` working days after `start` ("J + n"): `start` itself is never counted, whether or not it
 * is a working day, and the result is always a working day when n ≠ 0. `n` = 0 returns `start`;
 * a negative `n` counts backwards (e.g. "one working day before the due date").
 */
export function addWorkingDays(start: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
  const direction = n < 0 ? -1 : 1;
  let date = start;
  for (let remaining = Math.abs(n); remaining > 0; remaining--) {
    date = stepToWorkingDay(date, direction, calendar);
  }
  return date;
}

/**
 * Working days in the half-open range (start, end]: the count `n` such that
 * `addWorkingDays(start, n)` is the last working day on or before `end`. Negative when end < start,
 * zero when equal. (Counting "from J to the delivery day" gives the n to compare with the J+n limit.)
 */
export function workingDaysBetween(start: LocalDate, end: LocalDate, calendar: WorkingCalendar): number {
  const order = compareLocalDates(start, end);
  if (order === 0) return 0;
  if (order > 0) return -workingDaysBetween(end, start, calendar);
  let count = 0;
  for (let date = addDays(start, 1); compareLocalDates(date, end) <= 0; date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}

function stepToWorkingDay(from: LocalDate, direction: 1 | -1, calendar: WorkingCalendar): LocalDate {
  let date = from;
  for (let walked = 0; walked < MAX_CALENDAR_DAYS_WALKED; walked++) {
    date = addDays(date, direction);
    if (isWorkingDay(date, calendar)) return date;
  }
  throw new Error(`Calendar "${calendar.id}" has no working day within ${MAX_CALENDAR_DAYS_WALKED} days of ${from}`);
}
