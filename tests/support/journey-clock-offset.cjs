// Preloaded (NODE_OPTIONS=--require) into the services of an end-to-end stack: the services named in
// E2E_CLOCK_OFFSET_SERVICES see a wall clock E2E_CLOCK_OFFSET_MS ahead, as if the test ran days later.
// Rules that compare a reported time with "now" (no courier's time in the future) then accept steps
// made working days apart without the test waiting for those days. Other services keep the real clock.
'use strict';
const offset = Number(process.env.E2E_CLOCK_OFFSET_MS || 0);
const services = (process.env.E2E_CLOCK_OFFSET_SERVICES || '').split(',').filter(Boolean);
const entry = (process.argv[1] || '').replace(/\\/g, '/');
const shifted = services.some((name) => entry.endsWith(`services/${name}/src/main.ts`));

if (offset !== 0 && shifted) {
  const RealDate = Date;
  // A constructor that forwards to the real Date: `new Date()` and `Date.now()` are shifted, a Date built
  // from a value is not, and `instanceof Date` still holds (same prototype).
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + offset;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
}
