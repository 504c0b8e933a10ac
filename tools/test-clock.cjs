// "Run the tests as if it were then": BCCI_TEST_NOW names an instant in Vietnam's time; this turns it into
// BCCI_CLOCK_OFFSET_MS (read by @bcci/kernel's systemClock) ONCE, in the process that starts the tests, so
// every Jest worker and every service a test starts inherits the same offset and they all agree on "today".
//   BCCI_TEST_NOW=2026-12-05T16:30   (Vietnam wall clock; a zone suffix such as +07:00 or Z is honoured)
//   BCCI_TEST_NOW=2027-04-30         (that day at 10:00 Vietnam time)
'use strict';

const TEST_NOW_ENV = 'BCCI_TEST_NOW';
const CLOCK_OFFSET_ENV = 'BCCI_CLOCK_OFFSET_MS';

/** The instant BCCI_TEST_NOW names, or an Error saying what a valid value looks like. */
function parseTestNow(value) {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const iso = dateOnly ? `${text}T10:00:00+07:00` : wallClock ? `${text}+07:00` : zoned ? text : '';
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) {
    return new Error(`${TEST_NOW_ENV}="${value}" is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:mm (Vietnam time), e.g. 2026-12-05T16:30`);
  }
  return new Date(ms);
}

/**
 * Sets BCCI_CLOCK_OFFSET_MS from BCCI_TEST_NOW in `env` (once: an offset already there wins, so nested
 * runners keep the first one). Returns the instant the tests start at, or undefined on the real clock.
 */
function applyTestClock(env = process.env, realNow = Date.now()) {
  const wanted = env[TEST_NOW_ENV];
  if (!wanted || wanted.trim() === '') return undefined;
  const at = parseTestNow(wanted);
  if (at instanceof Error) throw at;
  if (env[CLOCK_OFFSET_ENV] === undefined || env[CLOCK_OFFSET_ENV] === '') env[CLOCK_OFFSET_ENV] = String(at.getTime() - realNow);
  return new Date(realNow + Number(env[CLOCK_OFFSET_ENV]));
}

module.exports = { TEST_NOW_ENV, CLOCK_OFFSET_ENV, parseTestNow, applyTestClock };
