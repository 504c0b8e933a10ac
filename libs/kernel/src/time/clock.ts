/**
 * Where "now" comes from for every rule that depends on the date: the intake day J and the 15:00 cut-off,
 * J+n, agency clocks, the current quarter of a report. Use cases take a Clock so that a test can place a
 * request at a chosen legal moment; everything else uses `systemClock`.
 */
export interface Clock {
  now(): Date;
}

/**
 * The one knob that moves `systemClock`: milliseconds added to the machine's time. Only the test harness
 * sets it (from BCCI_TEST_NOW, once per run, so that the test processes and every service they start share
 * one offset and agree on "today"); a production deployment never does, and the launcher says so loudly
 * when it is set.
 */
export const CLOCK_OFFSET_ENV = 'BCCI_CLOCK_OFFSET_MS';

/** The clock offset named by the environment: 0 when unset; a malformed value is refused, not ignored. */
export function clockOffsetFrom(environment: Readonly<Record<string, string | undefined>>): number {
  const raw = environment[CLOCK_OFFSET_ENV];
  if (raw === undefined || raw.trim() === '') return 0;
  const offset = Number(raw);
  if (!Number.isSafeInteger(offset)) throw new RangeError(`${CLOCK_OFFSET_ENV} must be a whole number of milliseconds, got "${raw}"`);
  return offset;
}

/** The machine's clock moved by `offsetMs` (0: the machine's clock itself). */
export function offsetClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** A clock that always reads `at`: for tests of a single moment. */
export function fixedClock(at: Date): Clock {
  const ms = at.getTime();
  return { now: () => new Date(ms) };
}

/** The clock of the running process: the machine's time, moved only when the test harness says so. */
export const systemClock: Clock = offsetClock(clockOffsetFrom(typeof process === 'undefined' ? {} : process.env));
