import { addWorkingDays, compareLocalDates, toVietnamDate, workingDaysBetween, type LocalDate, type WorkingCalendar } from '@bcci/kernel';
import type { DossierClock } from './dossier-clock';

/**
 * A clock read on a given day:
 * ON_TIME, AT_RISK (due within the warning window), OVERDUE (past its due date and still running),
 * PAUSED, MET / LATE (closed on or before / after the due date), ENDED, NO_DUE_DATE (running, but
 * nothing says when it is due yet).
 */
export const CLOCK_STATUSES = ['ON_TIME', 'AT_RISK', 'OVERDUE', 'PAUSED', 'MET', 'LATE', 'ENDED', 'NO_DUE_DATE'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/** Statuses that may change as days pass (the periodic evaluation revisits only these). */
export const OPEN_CLOCK_STATUSES: readonly ClockStatus[] = ['ON_TIME', 'AT_RISK', 'OVERDUE', 'NO_DUE_DATE'];

export interface ClockReadingOptions {
  /** Warn this many working days ahead (AT_RISK_WORKING_DAYS, default 1). */
  readonly atRiskWorkingDays: number;
  readonly calendar: WorkingCalendar;
}

/**
 * The last due date that counts as at risk today: a clock due on or before it (and not yet overdue) is
 * flagged. Working days, so on a Friday with a one-day window a Monday due date is already at risk.
 */
export function atRiskHorizon(today: LocalDate, options: ClockReadingOptions): LocalDate {
  return addWorkingDays(today, options.atRiskWorkingDays, options.calendar);
}

/** A closed clock is late when the closing day (Vietnam time) is after the due date. */
export function closedLate(clock: DossierClock): boolean {
  if (!clock.closedAt || !clock.dueDate) return false;
  return compareLocalDates(toVietnamDate(new Date(clock.closedAt)), clock.dueDate) > 0;
}

export function clockStatusOn(clock: DossierClock, today: LocalDate, options: ClockReadingOptions): ClockStatus {
  switch (clock.phase) {
    case 'PAUSED':
      return 'PAUSED';
    case 'ENDED':
      return 'ENDED';
    case 'CLOSED':
      return closedLate(clock) ? 'LATE' : 'MET';
    case 'RUNNING':
      if (!clock.dueDate) return 'NO_DUE_DATE';
      // The due date is the last day allowed: the clock runs out when that day is over.
      if (compareLocalDates(today, clock.dueDate) > 0) return 'OVERDUE';
      return compareLocalDates(clock.dueDate, atRiskHorizon(today, options)) <= 0 ? 'AT_RISK' : 'ON_TIME';
  }
}

/** Working days past the due date on `today` (running) or on the closing day (closed); 0 when not late. */
export function workingDaysLate(clock: DossierClock, today: LocalDate, calendar: WorkingCalendar): number {
  if (!clock.dueDate) return 0;
  const until = clock.phase === 'CLOSED' && clock.closedAt ? toVietnamDate(new Date(clock.closedAt)) : today;
  return Math.max(0, workingDaysBetween(clock.dueDate, until, calendar));
}
