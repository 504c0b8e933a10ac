import { isCoveredBy, isInForce, isIsoDate, nextDay, periodsOverlap, toIsoDate } from './effective-date';

describe('effective dates', () => {
  it('accepts only real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-7-1')).toBe(false);
    expect(isIsoDate(20250701)).toBe(false);
  });

  it('treats both ends as inclusive and a null end as open', () => {
    const period = { validFrom: '2025-03-01', validTo: '2025-06-30' };
    expect(isInForce(period, '2025-02-28')).toBe(false);
    expect(isInForce(period, '2025-03-01')).toBe(true);
    expect(isInForce(period, '2025-06-30')).toBe(true);
    expect(isInForce(period, '2025-07-01')).toBe(false);
    expect(isInForce({ validFrom: '2025-07-01', validTo: null }, '2099-01-01')).toBe(true);
  });

  it('detects overlaps, including a shared boundary day', () => {
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: '2025-06-30' }, { validFrom: '2025-07-01', validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: '2025-07-01' }, { validFrom: '2025-07-01', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: null }, { validFrom: '2010-01-01', validTo: '2020-01-01' })).toBe(true);
  });

  it('checks that a chain of versions covers a period without gaps', () => {
    const versions = [
      { validFrom: '2020-01-01', validTo: '2025-06-30' },
      { validFrom: '2025-07-01', validTo: null },
    ];
    expect(isCoveredBy({ validFrom: '2022-01-01', validTo: null }, versions)).toBe(true);
    expect(isCoveredBy({ validFrom: '2019-12-31', validTo: '2021-01-01' }, versions)).toBe(false);
    expect(isCoveredBy({ validFrom: '2022-01-01', validTo: null }, [versions[0], { validFrom: '2025-07-02', validTo: null }])).toBe(false);
    expect(isCoveredBy({ validFrom: '2022-01-01', validTo: null }, [versions[0]])).toBe(false);
  });

  it('steps across month and leap-year ends', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-06-30')).toBe('2025-07-01');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });

  it('converts instants to the Vietnamese day and rejects invalid input', () => {
    expect(toIsoDate(new Date('2025-02-28T17:00:00Z'))).toBe('2025-03-01');
    expect(() => toIsoDate('2025-02-30')).toThrow(RangeError);
    expect(() => toIsoDate(new Date('nope'))).toThrow(RangeError);
  });
});
