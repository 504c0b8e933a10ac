import { compareLocalDates, toVietnamDate, type LocalDate } from '@bcci/kernel';
import type { LegStatus } from './leg-status';

/**
 * Late against J + n: the leg ends when the post hands the dossier over and signs the record, so a
 * handed-over leg is judged on the Vietnamese date of the postal signature; a leg still travelling is
 * late once today (Vietnam) is past the due date. A withdrawn leg is never late.
 */
export function isLegLate(input: { status: LegStatus; dueDate: LocalDate; postalSignedAt: Date | null; now: Date }): boolean {
  if (input.status === 'WITHDRAWN') return false;
  const endDay = input.postalSignedAt ? toVietnamDate(input.postalSignedAt) : toVietnamDate(input.now);
  return compareLocalDates(endDay, input.dueDate) > 0;
}

/** The post met J + n when it signed the handover record on or before the due date. */
export function postalDeadlineMet(dueDate: LocalDate, postalSignedAt: Date): boolean {
  return compareLocalDates(toVietnamDate(postalSignedAt), dueDate) <= 0;
}
