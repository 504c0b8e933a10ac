import { BUNDLED_POSTAL_LEG_TABLE, type PostalLegKind, type PostalLegTable } from './postal-leg-table';
import { getWorkingCalendar, PUBLIC_ADMINISTRATION_CALENDAR_ID } from '../calendar/calendar-registry';
import { type WorkingCalendar } from '../calendar/working-calendar';
import { addWorkingDays } from '../calendar/working-days';
import { countingDayForInstant } from '../calendar/working-instant';
import { type LocalDate } from '../time/local-date';
import { parseClockTime } from '../time/vietnam-time';

/**
 * The 15:00 forwarding rule. Source: NĐ 61/2018/NĐ-CP Đ18.2–3 — the one-stop desk forwards a dossier
 * received "sau 15 giờ hàng ngày" at the start of the next working day. TT 17/2017 Đ7 itself only says
 * J is the day printed on the sending slip; applying the same 15:00 cutoff to J (and rolling an intake on
 * a non-working day to the next working day) is this project's ASSUMPTION, modelled on that article
 * and on how postal slips are dated in practice. It is a parameter so a province can set another cutoff.
 */
export const DEFAULT_FORWARDING_CUTOFF = '15:00';

export interface PostalDayJOptions {
  /** Local wall-clock cutoff `HH:mm`; intake strictly after it counts on the next working day. */
  readonly cutoff?: string;
  readonly calendar?: WorkingCalendar;
}

/** J: the working day an intake (or a pick-up of a result from the agency) at `receivedAt` counts for. */
export function postalDayJ(receivedAt: Date, options: PostalDayJOptions = {}): LocalDate {
  const calendar = options.calendar ?? getWorkingCalendar(PUBLIC_ADMINISTRATION_CALENDAR_ID);
  const cutoffMinute = parseClockTime(options.cutoff ?? DEFAULT_FORWARDING_CUTOFF);
  return countingDayForInstant(receivedAt, cutoffMinute, calendar);
}

export interface PostalDeadlineRequest extends PostalDayJOptions {
  readonly receivedAt: Date;
  readonly leg: PostalLegKind;
  /** True when an appointment slip or a notice of the result date must also be delivered (Đ7.2.b). */
  readonly withAppointmentNotice?: boolean;
  readonly legTable?: PostalLegTable;
}

export interface PostalDeadline {
  /** The intake day J as it counts (after the cutoff and non-working-day rules). */
  readonly j: LocalDate;
  readonly n: number;
  /** Latest working day by which the leg must be completed: J + n working days. */
  readonly dueDate: LocalDate;
  readonly calendarId: string;
}

/** J + n for one postal leg (TT 17/2017 Đ7.2); the rule in force on J decides n. */
export function postalDeadline(request: PostalDeadlineRequest): PostalDeadline {
  const calendar = request.calendar ?? getWorkingCalendar(PUBLIC_ADMINISTRATION_CALENDAR_ID);
  const j = postalDayJ(request.receivedAt, { cutoff: request.cutoff, calendar });
  const limit = (request.legTable ?? BUNDLED_POSTAL_LEG_TABLE).getLimit(j, request.leg);
  const n = request.withAppointmentNotice ? limit.nWithAppointmentNotice : limit.n;
  return postalDueDate({ receivedAt: request.receivedAt, n, cutoff: request.cutoff, calendar });
}

export interface PostalDueDateRequest extends PostalDayJOptions {
  readonly receivedAt: Date;
  /** n of the leg, e.g. a catalog postal leg's `maxWorkingDays` (`postalLegBetween` in @bcci/catalog). */
  readonly n: number;
}

/**
 * J + n when n is already known, typically from the catalog's effective-dated postal legs, which are
 * the reference data services use; `postalDeadline` looks n up in the kernel's bundled table instead.
 */
export function postalDueDate(request: PostalDueDateRequest): PostalDeadline {
  const calendar = request.calendar ?? getWorkingCalendar(PUBLIC_ADMINISTRATION_CALENDAR_ID);
  const j = postalDayJ(request.receivedAt, { cutoff: request.cutoff, calendar });
  return { j, n: request.n, dueDate: addWorkingDays(j, request.n, calendar), calendarId: calendar.id };
}
