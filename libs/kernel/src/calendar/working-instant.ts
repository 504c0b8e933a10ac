import { type WorkingCalendar } from './working-calendar';
import { nextWorkingDay } from './working-days';
import { type LocalDate } from '../time/local-date';
import { toVietnamDateTime, vietnamInstant } from '../time/vietnam-time';

const MS_PER_MINUTE = 60_000;

/**
 * The working day on which something that happened at `instant` starts to count: the same day when it
 * happened on a working day before `cutoffMinute` (minutes since local midnight; an event exactly at the
 * cutoff still counts that day), otherwise the next working day. Times before opening count that day.
 */
export function countingDayForInstant(instant: Date, cutoffMinute: number, calendar: WorkingCalendar): LocalDate {
  const { date, msOfDay } = toVietnamDateTime(instant);
  if (calendar.day(date).working && msOfDay <= cutoffMinute * MS_PER_MINUTE) return date;
  return nextWorkingDay(date, calendar);
}

/** Closing time (end of the last office interval) of a working day; undefined on a rest day. */
export function closingMinute(date: LocalDate, calendar: WorkingCalendar): number | undefined {
  const hours = calendar.day(date).officeHours;
  return hours.length > 0 ? hours[hours.length - 1].end : undefined;
}

/** The instant the office closes on `date`, for "due by end of day" timestamps. */
export function closingInstant(date: LocalDate, calendar: WorkingCalendar): Date | undefined {
  const minute = closingMinute(date, calendar);
  return minute === undefined ? undefined : vietnamInstant(date, minute);
}
