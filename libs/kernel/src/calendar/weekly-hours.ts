import { type IsoWeekday, isoWeekday, type LocalDate } from '../time/local-date';
import { parseClockTime } from '../time/vietnam-time';

/** An office-hours interval in minutes since local midnight, start inclusive, end exclusive. */
export interface OfficeInterval {
  readonly start: number;
  readonly end: number;
}

export type WeeklyHours = Readonly<Record<IsoWeekday, readonly OfficeInterval[]>>;

/** Parses `{ "1": [["07:30","11:30"], ...], ... "7": [] }`; a weekday with no interval is a rest day. */
export function parseWeeklyHours(raw: Record<string, readonly (readonly string[])[]>): WeeklyHours {
  const result = {} as Record<IsoWeekday, OfficeInterval[]>;
  for (let day = 1; day <= 7; day++) {
    const weekday = day as IsoWeekday;
    const intervals = (raw[String(weekday)] ?? []).map(([from, to]) => {
      const start = parseClockTime(from);
      const end = parseClockTime(to);
      if (end <= start) throw new RangeError(`Office hours end before they start: ${from}–${to}`);
      return { start, end };
    });
    intervals.sort((a, b) => a.start - b.start);
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i].start < intervals[i - 1].end) throw new RangeError(`Overlapping office hours on ISO day ${weekday}`);
    }
    result[weekday] = intervals;
  }
  return result;
}

export function isIsoWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}
