import calendarsData from './data/calendars.json';
import { BUNDLED_HOLIDAY_YEARS } from './holiday-years';
import { parseWeeklyHours } from './weekly-hours';
import { WorkingCalendar, type WorkingCalendarDefinition } from './working-calendar';
import { type CalendarRuleKind } from './holiday-year';

/** State administrative bodies (agencies, service centres): Mon–Fri, all government swaps. */
export const PUBLIC_ADMINISTRATION_CALENDAR_ID = 'vn-public-administration';
/** Postal service points offering BCCI (opening days are an assumption kept in data). */
export const POSTAL_BCCI_CALENDAR_ID = 'vn-post-bcci';

interface RawCalendar {
  id: string;
  description: string;
  weeklyHours: Record<string, string[][]>;
  observes: string[];
}

function toDefinition(raw: RawCalendar): WorkingCalendarDefinition {
  return {
    id: raw.id,
    description: raw.description,
    weeklyHours: parseWeeklyHours(raw.weeklyHours),
    observes: raw.observes as CalendarRuleKind[],
  };
}

const BUNDLED_DEFINITIONS: readonly WorkingCalendarDefinition[] = (calendarsData.calendars as RawCalendar[]).map(toDefinition);
const cache = new Map<string, WorkingCalendar>();

export function bundledCalendarDefinitions(): readonly WorkingCalendarDefinition[] {
  return BUNDLED_DEFINITIONS;
}

/** The bundled calendar with this id, built once with every bundled year; undefined when unknown. */
export function findWorkingCalendar(id: string): WorkingCalendar | undefined {
  const cached = cache.get(id);
  if (cached) return cached;
  const definition = BUNDLED_DEFINITIONS.find((d) => d.id === id);
  if (!definition) return undefined;
  const calendar = new WorkingCalendar(definition, BUNDLED_HOLIDAY_YEARS);
  cache.set(id, calendar);
  return calendar;
}

export function getWorkingCalendar(id: string = PUBLIC_ADMINISTRATION_CALENDAR_ID): WorkingCalendar {
  const calendar = findWorkingCalendar(id);
  if (!calendar) throw new Error(`Unknown working calendar "${id}"`);
  return calendar;
}
