import { addDays, daysBetween, isLocalDate, isoWeekday, localDate, parseLocalDate } from './local-date';
import { toVietnamDate, toVietnamDateTime, vietnamInstant } from './vietnam-time';
import { forbidHostTimeZone } from './host-time-zone.test-helper';
import { DomainValidationError } from '../validation/domain-validation.error';

describe('LocalDate', () => {
  it('validates real dates only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(() => parseLocalDate('31/01/2026')).toThrow(DomainValidationError);
  });

  it('does arithmetic across months, years and leap days', () => {
    expect(addDays(localDate(2025, 12, 31), 1)).toBe('2026-01-01');
    expect(addDays(localDate(2024, 2, 28), 1)).toBe('2024-02-29');
    expect(addDays(localDate(2026, 3, 1), -1)).toBe('2026-02-28');
    expect(daysBetween(localDate(2026, 1, 1), localDate(2027, 1, 1))).toBe(365);
  });

  it('knows ISO weekdays', () => {
    expect(isoWeekday(localDate(2026, 1, 1))).toBe(4); // thứ Năm
    expect(isoWeekday(localDate(2026, 2, 17))).toBe(2); // mùng 1 Tết Bính Ngọ, thứ Ba
    expect(isoWeekday(localDate(2027, 2, 6))).toBe(6); // mùng 1 Tết Đinh Mùi, thứ Bảy
    expect(isoWeekday(localDate(1969, 12, 28))).toBe(7);
  });
});

describe('Vietnam time (UTC+7)', () => {
  beforeEach(forbidHostTimeZone);
  afterEach(() => jest.restoreAllMocks());

  it('turns instants into Vietnamese dates without reading the host zone', () => {
    expect(toVietnamDate(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(toVietnamDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(toVietnamDateTime(new Date('2026-03-06T08:00:00Z'))).toEqual({ date: '2026-03-06', msOfDay: 15 * 3_600_000 });
    expect(vietnamInstant(localDate(2026, 3, 6), 15 * 60).toISOString()).toBe('2026-03-06T08:00:00.000Z');
    expect(addDays(localDate(2025, 12, 31), 1)).toBe('2026-01-01');
    expect(isoWeekday(localDate(2026, 1, 1))).toBe(4);
  });

  it('refuses an invalid instant', () => {
    expect(() => toVietnamDate(new Date('nope'))).toThrow(RangeError);
  });
});
