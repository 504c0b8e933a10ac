import { toVietnamDate, type LocalDate, systemClock } from '@bcci/kernel';
import type { ReferenceData } from '../../reference-data/reference-data';
import type { ClockReadingOptions } from '../domain/clock-status';
import type { ClockRulesContext } from '../domain/derive-clocks';

/** What clock evaluation needs from configuration and reference data, and "today" in Vietnam. */
export class ClockSettings {
  readonly rules: ClockRulesContext;
  readonly reading: ClockReadingOptions;

  constructor(
    referenceData: ReferenceData,
    atRiskWorkingDays: number,
    private readonly now: () => Date = () => systemClock.now(),
  ) {
    this.rules = { calendar: referenceData.calendar, processingDaysOf: (code, day) => referenceData.processingDaysOf(code, day) };
    this.reading = { calendar: referenceData.calendar, atRiskWorkingDays };
  }

  today(): LocalDate {
    return toVietnamDate(this.now());
  }
}
