import { type HolidayYear, type CalendarRuleKind, type DayOff } from './holiday-year';
import { type OfficeInterval, type WeeklyHours } from './weekly-hours';
import { isoWeekday, type LocalDate } from '../time/local-date';

/** A calendar's shape as data: which weekdays are worked, when, and which kinds of rules it follows. */
export interface WorkingCalendarDefinition {
  readonly id: string;
  readonly description: string;
  readonly weeklyHours: WeeklyHours;
  readonly observes: readonly CalendarRuleKind[];
}

/**
 * Thrown when a date falls in a year with no holiday data. Guessing (treating it as an ordinary year)
 * would silently put deadlines inside Tết, so the calendar refuses instead; add `data/<year>.json`.
 */
export class CalendarDataMissingError extends Error {
  constructor(
    readonly calendarId: string,
    readonly year: number,
  ) {
    super(`Working calendar "${calendarId}" has no holiday data for ${year}: add libs/kernel/src/calendar/data/${year}.json`);
    this.name = 'CalendarDataMissingError';
  }
}

/** What the calendar says about one date. */
export interface CalendarDay {
  readonly date: LocalDate;
  readonly working: boolean;
  /** Office hours of the day; empty when not working. */
  readonly officeHours: readonly OfficeInterval[];
  /** Set when a holiday rule (not just the weekly rhythm) makes the day a rest day. */
  readonly dayOff?: DayOff;
  /** Set when the day is a make-up working day (ngày làm bù). */
  readonly makeUpFor?: LocalDate;
}

/** A working calendar for one party (agency, postal point…), covering the years it has data for. */
export class WorkingCalendar {
  private readonly daysOff = new Map<string, DayOff>();
  private readonly makeUpDays = new Map<string, LocalDate>();
  private readonly years = new Map<number, HolidayYear>();

  constructor(
    readonly definition: WorkingCalendarDefinition,
    holidayYears: readonly HolidayYear[],
  ) {
    for (const year of holidayYears) {
      this.years.set(year.year, year);
      for (const dayOff of year.daysOff) {
        if (definition.observes.includes(dayOff.kind)) this.daysOff.set(dayOff.date, dayOff);
      }
      if (definition.observes.includes('make-up-working-day')) {
        for (const makeUp of year.makeUpWorkingDays) this.makeUpDays.set(makeUp.date, makeUp.replaces);
      }
    }
  }

  get id(): string {
    return this.definition.id;
  }

  /** Years with data, ascending. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Whether the year's data is official or provisional; undefined when the year is not covered. */
  findYear(year: number): HolidayYear | undefined {
    return this.years.get(year);
  }

  day(date: LocalDate): CalendarDay {
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year)) throw new CalendarDataMissingError(this.id, year);
    const makeUpFor = this.makeUpDays.get(date);
    if (makeUpFor) {
      // A make-up day is worked with the hours of the weekday it replaces (a Saturday worked "as a Friday").
      return { date, working: true, officeHours: this.definition.weeklyHours[isoWeekday(makeUpFor)], makeUpFor };
    }
    const dayOff = this.daysOff.get(date);
    const weekly = this.definition.weeklyHours[isoWeekday(date)];
    if (dayOff) return { date, working: false, officeHours: [], dayOff };
    return { date, working: weekly.length > 0, officeHours: weekly };
  }
}
