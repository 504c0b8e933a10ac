import { isIsoWeekend } from './weekly-hours';
import { isLocalDate, type LocalDate } from '../time/local-date';

/**
 * Why a day that would normally be worked is not:
 * - `public-holiday`: ngày nghỉ lễ, Tết (Bộ luật Lao động Điều 112);
 * - `compensatory-day-off`: nghỉ bù, a holiday fell on a weekly rest day (Điều 111.3);
 * - `swapped-day-off`: nghỉ hoán đổi, the government moved this working day to a Saturday (làm bù).
 * Kept apart so a calendar can choose which it follows (an enterprise need not follow civil-service swaps).
 */
export type DayOffKind = 'public-holiday' | 'compensatory-day-off' | 'swapped-day-off';
export type CalendarRuleKind = DayOffKind | 'make-up-working-day';

export interface DayOff {
  readonly date: LocalDate;
  readonly kind: DayOffKind;
  readonly name: string;
}

/** ngày làm bù: a weekly rest day worked instead of `replaces`, with that day's office hours. */
export interface MakeUpWorkingDay {
  readonly date: LocalDate;
  readonly replaces: LocalDate;
  readonly name: string;
}

/** `provisional`: computed from the rules before the government's announcement; replace when it comes. */
export type HolidayYearStatus = 'official' | 'provisional';

export interface HolidayYear {
  readonly year: number;
  readonly status: HolidayYearStatus;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
  readonly daysOff: readonly DayOff[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
}

const DAY_OFF_KINDS: readonly string[] = ['public-holiday', 'compensatory-day-off', 'swapped-day-off'];

/**
 * Checks one year file (`data/<year>.json`) and returns it typed. Typos in hand-edited data are the
 * likeliest source of a wrong deadline, so every rule that can be checked mechanically is checked here.
 */
export function loadHolidayYear(raw: unknown): HolidayYear {
  const data = raw as Record<string, unknown>;
  const year = data?.year;
  const fail = (why: string): never => {
    throw new Error(`Holiday data for ${String(year)} is invalid: ${why}`);
  };
  if (typeof year !== 'number' || !Number.isInteger(year)) fail('"year" must be an integer');
  if (data.status !== 'official' && data.status !== 'provisional') fail('"status" must be official or provisional');
  if (!Array.isArray(data.sources) || data.sources.length === 0) fail('"sources" must list at least one source');
  if (!Array.isArray(data.daysOff) || !Array.isArray(data.makeUpWorkingDays)) {
    fail('"daysOff" and "makeUpWorkingDays" must be arrays');
  }
  const seen = new Set<string>();
  const inYear = (date: unknown, what: string): LocalDate => {
    if (!isLocalDate(date) || !date.startsWith(`${year}-`)) fail(`${what} "${String(date)}" is not a date in ${year}`);
    if (seen.has(date as string)) fail(`${what} "${String(date)}" appears twice`);
    seen.add(date as string);
    return date as LocalDate;
  };

  const daysOff = (data.daysOff as Record<string, unknown>[]).map((entry) => {
    const date = inYear(entry.date, 'day off');
    if (!DAY_OFF_KINDS.includes(entry.kind as string)) fail(`day off ${date} has unknown kind "${String(entry.kind)}"`);
    if (typeof entry.name !== 'string' || entry.name === '') fail(`day off ${date} needs a name`);
    return { date, kind: entry.kind as DayOffKind, name: entry.name as string };
  });
  const makeUpWorkingDays = (data.makeUpWorkingDays as Record<string, unknown>[]).map((entry) => {
    const date = inYear(entry.date, 'make-up working day');
    if (!isIsoWeekend(date)) fail(`make-up working day ${date} is not a Saturday or Sunday`);
    const replaces = entry.replaces;
    const swapped = daysOff.find((d) => d.date === replaces);
    if (!swapped || swapped.kind !== 'swapped-day-off') {
      fail(`make-up working day ${date} must replace a listed swapped-day-off, got "${String(replaces)}"`);
    }
    return { date, replaces: replaces as LocalDate, name: String(entry.name ?? '') };
  });
  for (const d of daysOff) {
    if (d.kind === 'swapped-day-off' && !makeUpWorkingDays.some((m) => m.replaces === d.date)) {
      fail(`swapped-day-off ${d.date} has no make-up working day`);
    }
  }
  return {
    year: year as number,
    status: data.status as HolidayYearStatus,
    sources: data.sources as string[],
    notes: Array.isArray(data.notes) ? (data.notes as string[]) : [],
    daysOff,
    makeUpWorkingDays,
  };
}
