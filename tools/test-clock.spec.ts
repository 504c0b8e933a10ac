// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyTestClock, parseTestNow } = require('./test-clock.cjs') as typeof import('./test-clock.cjs');

describe('BCCI_TEST_NOW (tests run as if on a given date)', () => {
  it('reads a bare date as that day at 10:00 in Vietnam', () => {
    expect((parseTestNow('2027-04-30') as Date).toISOString()).toBe('2027-04-30T03:00:00.000Z');
  });

  it('reads a wall-clock time as Vietnam time, and honours an explicit zone', () => {
    expect((parseTestNow('2026-12-05T16:30') as Date).toISOString()).toBe('2026-12-05T09:30:00.000Z');
    expect((parseTestNow('2026-12-31T23:30:00Z') as Date).toISOString()).toBe('2026-12-31T23:30:00.000Z');
  });

  it('says what a valid value looks like instead of running on the real date', () => {
    expect(parseTestNow('next saturday')).toEqual(expect.objectContaining({ message: expect.stringContaining('YYYY-MM-DD') }));
    expect(parseTestNow('2026-13-45')).toBeInstanceOf(Error);
  });

  it('turns the date into one offset that every process of the run inherits', () => {
    const env: Record<string, string | undefined> = { BCCI_TEST_NOW: '2026-12-05T16:30' };
    const realNow = Date.parse('2026-12-07T01:00:00Z');
    const startsAt = applyTestClock(env, realNow);
    expect(startsAt?.toISOString()).toBe('2026-12-05T09:30:00.000Z');
    expect(Number(env.BCCI_CLOCK_OFFSET_MS)).toBe(Date.parse('2026-12-05T09:30:00Z') - realNow);
    // A nested runner (the same env, later) keeps the first offset rather than restarting the clock.
    applyTestClock(env, realNow + 60_000);
    expect(Number(env.BCCI_CLOCK_OFFSET_MS)).toBe(Date.parse('2026-12-05T09:30:00Z') - realNow);
  });

  it('leaves the real clock alone when no date is asked for', () => {
    const env: Record<string, string | undefined> = {};
    expect(applyTestClock(env)).toBeUndefined();
    expect(env.BCCI_CLOCK_OFFSET_MS).toBeUndefined();
  });
});
