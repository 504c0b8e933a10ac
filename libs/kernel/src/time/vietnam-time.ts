import { fromEpochDay, type LocalDate, toEpochDay } from './local-date';

/**
 * Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact
 * for every instant this system handles and needs no tz database on the host.
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** A wall-clock reading in Vietnam: the local date and the milliseconds elapsed since local midnight. */
export interface VietnamDateTime {
  readonly date: LocalDate;
  readonly msOfDay: number;
}

export function toVietnamDateTime(instant: Date): VietnamDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date instant');
  const shifted = ms + VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
  const epochDay = Math.floor(shifted / MS_PER_DAY);
  return { date: fromEpochDay(epochDay), msOfDay: shifted - epochDay * MS_PER_DAY };
}

/** The calendar date in Vietnam at this instant (e.g. 2026-01-01T18:00Z is already 2026-01-02 there). */
export function toVietnamDate(instant: Date): LocalDate {
  return toVietnamDateTime(instant).date;
}

/** The instant at which Vietnamese wall clocks show `date` and `minuteOfDay` (minutes since midnight). */
export function vietnamInstant(date: LocalDate, minuteOfDay = 0): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY + (minuteOfDay - VIETNAM_UTC_OFFSET_MINUTES) * MS_PER_MINUTE);
}

/** Parses a wall-clock time `HH:mm` into minutes since midnight (24:00 allowed as end of day). */
export function parseClockTime(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match || (match[1] === '24' && match[2] !== '00')) {
    throw new RangeError(`Not a clock time HH:mm: "${value}"`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatClockTime(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
