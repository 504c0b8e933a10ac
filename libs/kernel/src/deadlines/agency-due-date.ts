import { getWorkingCalendar, PUBLIC_ADMINISTRATION_CALENDAR_ID } from '../calendar/calendar-registry';
import { type WorkingCalendar } from '../calendar/working-calendar';
import { addWorkingDays } from '../calendar/working-days';
import { closingInstant, closingMinute, countingDayForInstant } from '../calendar/working-instant';
import { type LocalDate } from '../time/local-date';
import { toVietnamDate } from '../time/vietnam-time';

export interface AgencyDueDate {
  /** The working day the legal filing counts on (the filing day, or the next working day). */
  readonly startDay: LocalDate;
  readonly workingDays: number;
  /** The last working day for the result: startDay + workingDays working days. */
  readonly dueDate: LocalDate;
  /** Closing time of the office on the due date, as an instant (UTC `Date`). */
  readonly dueAt: Date;
}

/**
 * Due date of an agency's processing, in working days from the legal filing time (the signing of the
 * handover record, or the completion of a supplement, which restarts the clock from zero).
 *
 * A filing after the office has closed, or on a rest day, counts from the next working day: nobody is
 * at the desk to start on it, and that is how one-stop systems date a receipt (cf. NĐ 61/2018 Đ18).
 * A filing before opening counts that same day.
 */
export function agencyDueDate(
  legalFilingAt: Date,
  workingDays: number,
  calendar: WorkingCalendar = getWorkingCalendar(PUBLIC_ADMINISTRATION_CALENDAR_ID),
): AgencyDueDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`Processing time must be a non-negative whole number of working days, got ${workingDays}`);
  }
  const filingDate = toVietnamDate(legalFilingAt);
  const closing = closingMinute(filingDate, calendar) ?? 0;
  const startDay = countingDayForInstant(legalFilingAt, closing, calendar);
  const dueDate = addWorkingDays(startDay, workingDays, calendar);
  return { startDay, workingDays, dueDate, dueAt: closingInstant(dueDate, calendar)! };
}
