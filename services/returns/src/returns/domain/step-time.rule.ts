import { timeInFuture } from './returns.errors';

/** Phones and counters drift: a reported time up to a minute ahead of the service's clock is accepted. */
const CLOCK_DRIFT_MS = 60_000;

/** A time a courier or clerk reports cannot be in the future (400 `returns.time-in-future`). */
export function assertNotInFuture(field: string, at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + CLOCK_DRIFT_MS) throw timeInFuture(field);
}
