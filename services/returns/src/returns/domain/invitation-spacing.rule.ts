import {
  addWorkingDays,
  getWorkingCalendar,
  POSTAL_BCCI_CALENDAR_ID,
  toVietnamDate,
  workingDaysBetween,
  type LocalDate,
  type WorkingCalendar,
} from '@bcci/kernel';
import { invitationTooEarly } from './returns.errors';

/**
 * TT 17/2017 Đ5.2.h: after an unsuccessful delivery the postal worker invites the recipient at least
 * twice, "mỗi lần cách nhau 02 ngày làm việc"; if nobody comes, the result goes back to the agency.
 * A home delivery attempt is an invitation (the courier leaves a notice); a counter notice is one too.
 */
export const INVITATIONS_BEFORE_RETURN = 2;
export const WORKING_DAYS_BETWEEN_INVITATIONS = 2;

/** Invitations are counted in the postal points' calendar (Saturday morning open; government holidays). */
export function postalCalendar(): WorkingCalendar {
  return getWorkingCalendar(POSTAL_BCCI_CALENDAR_ID);
}

/** The first day the next invitation may be made: the previous one's Vietnamese day + 2 working days. */
export function nextInvitationNotBefore(previousAt: Date, calendar: WorkingCalendar = postalCalendar()): LocalDate {
  return addWorkingDays(toVietnamDate(previousAt), WORKING_DAYS_BETWEEN_INVITATIONS, calendar);
}

/** Working days from the previous invitation's day to this one's (the previous day itself not counted). */
export function workingDaysSinceInvitation(previousAt: Date, at: Date, calendar: WorkingCalendar = postalCalendar()): number {
  const from = toVietnamDate(previousAt);
  const to = toVietnamDate(at);
  return to <= from ? 0 : workingDaysBetween(from, to, calendar);
}

/** Refuses (422) an invitation made fewer than two working days after the previous one. */
export function assertInvitationSpacing(previousAt: Date, at: Date, calendar: WorkingCalendar = postalCalendar()): void {
  const elapsed = workingDaysSinceInvitation(previousAt, at, calendar);
  if (elapsed < WORKING_DAYS_BETWEEN_INVITATIONS) {
    throw invitationTooEarly(nextInvitationNotBefore(previousAt, calendar), elapsed);
  }
}
