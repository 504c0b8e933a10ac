import { RuleViolationError } from '@bcci/kernel';

/** The provisional id `BCCI-<postal code>-YYMMDD-NNNN` has four digits for the day's sequence. */
export const MAX_DOSSIERS_PER_POINT_AND_DAY = 9999;

/**
 * A postal point cannot number a 10,000th dossier in one day: the id would not fit, and no counter takes
 * in that many. Refused (422) with a message the clerk can act on.
 */
export function assertWithinDailyLimit(sequence: number, postalCode: string, receivedOn: string): void {
  if (sequence <= MAX_DOSSIERS_PER_POINT_AND_DAY) return;
  throw new RuleViolationError({
    code: 'provisional-id.daily-limit',
    message: `Postal point ${postalCode} reached ${MAX_DOSSIERS_PER_POINT_AND_DAY} dossiers on ${receivedOn}`,
    messageVi: 'Điểm phục vụ đã tiếp nhận tối đa 9.999 hồ sơ trong ngày: liên hệ quản trị hệ thống.',
  });
}
