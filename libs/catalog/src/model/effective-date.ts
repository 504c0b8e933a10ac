/** A calendar date `YYYY-MM-DD`, the day as lived in Vietnam (UTC+7), never a timestamp. */
export type IsoDate = string;

/** Anything a lookup accepts as "the day in question". */
export type DateInput = IsoDate | Date;

/**
 * Validity of one version of a reference record. Both ends are inclusive days; `validTo: null` means
 * still in force. Every catalog record carries this, because codes, names and competences change by
 * decision on a given day (the 01/07/2025 reorganisation, the 01/03/2025 transfer of driving licences).
 */
export interface EffectivePeriod {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Vietnam has used UTC+7 without daylight saving since 1975, so a fixed offset is exact for every date
// the catalog can hold; an event stamped 2025-06-30T18:00Z already falls on 2025-07-01 in Vietnam.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The Vietnamese calendar day of an instant, or the date itself after checking it is a real day. */
export function toIsoDate(input: DateInput): IsoDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('Ngày không hợp lệ (Invalid Date)');
    return new Date(input.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  }
  if (!isIsoDate(input)) throw new RangeError(`Ngày phải có dạng YYYY-MM-DD và có thật, nhận được "${String(input)}"`);
  return input;
}

export function isInForce(period: EffectivePeriod, date: IsoDate): boolean {
  return period.validFrom <= date && (period.validTo === null || date <= period.validTo);
}

export function periodsOverlap(a: EffectivePeriod, b: EffectivePeriod): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

export function nextDay(date: IsoDate): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

export function formatPeriod(period: EffectivePeriod): string {
  return `${period.validFrom} → ${period.validTo ?? '…'}`;
}

/**
 * Whether a chain of versions (of a referenced record) is in force on every day of `period`. Walking
 * from version to version lets a reference stay valid across a change of name or parent, as long as
 * the referenced code itself never lapses.
 */
export function isCoveredBy(period: EffectivePeriod, versions: readonly EffectivePeriod[]): boolean {
  let cursor = period.validFrom;
  for (;;) {
    const current = versions.find((version) => isInForce(version, cursor));
    if (!current) return false;
    if (current.validTo === null) return true;
    if (period.validTo !== null && current.validTo >= period.validTo) return true;
    cursor = nextDay(current.validTo);
  }
}
