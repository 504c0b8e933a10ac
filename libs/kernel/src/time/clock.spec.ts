import { CLOCK_OFFSET_ENV, clockOffsetFrom, fixedClock, offsetClock } from './clock';

describe('clock', () => {
  it('reads no offset when the harness sets none', () => {
    expect(clockOffsetFrom({})).toBe(0);
    expect(clockOffsetFrom({ [CLOCK_OFFSET_ENV]: '' })).toBe(0);
  });

  it('reads the offset the harness computed, ahead or behind', () => {
    expect(clockOffsetFrom({ [CLOCK_OFFSET_ENV]: '86400000' })).toBe(86_400_000);
    expect(clockOffsetFrom({ [CLOCK_OFFSET_ENV]: '-3600000' })).toBe(-3_600_000);
  });

  it('refuses an offset that is not a whole number of milliseconds instead of running on the wrong day', () => {
    for (const bad of ['tomorrow', '1.5', '1e400', 'NaN']) {
      expect(() => clockOffsetFrom({ [CLOCK_OFFSET_ENV]: bad })).toThrow(CLOCK_OFFSET_ENV);
    }
  });

  it('moves the machine time by the offset and keeps it running', () => {
    const before = Date.now();
    const read = offsetClock(7 * 86_400_000).now().getTime();
    expect(read - before).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(read - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('a fixed clock always reads the same instant, and a caller cannot change it', () => {
    const clock = fixedClock(new Date('2026-12-05T09:00:00Z'));
    clock.now().setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-12-05T09:00:00.000Z');
  });
});
