import { agencyDueDate, type WorkingCalendar } from '@bcci/kernel';
import type { AgencyClock } from './agency-dossier';

/**
 * The agency clock from a legal filing time (handover record or completed supplement) and the
 * procedure's time limit for the BCCI channel, in the agency's working days (holidays are data).
 */
export function startAgencyClock(legalFilingAt: Date, workingDays: number, calendar: WorkingCalendar): AgencyClock {
  const due = agencyDueDate(legalFilingAt, workingDays, calendar);
  return {
    clockStart: legalFilingAt.toISOString(),
    workingDays,
    dueDate: due.dueDate,
    dueAt: due.dueAt.toISOString(),
  };
}

/** A supplement request must come within 3 working days of receipt (NĐ 61/2018 Đ19.4). */
export const SUPPLEMENT_REQUEST_WORKING_DAYS = 3;

/**
 * The last instant a supplement may be requested: the office's closing time on the third working day
 * counted from the legal filing time, in the agency's calendar (a filing after hours counts from the
 * next working day, as the agency clock does).
 */
export function supplementRequestDeadline(legalFilingAt: Date, calendar: WorkingCalendar): Date {
  return agencyDueDate(legalFilingAt, SUPPLEMENT_REQUEST_WORKING_DAYS, calendar).dueAt;
}
