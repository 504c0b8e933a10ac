/**
 * Display order of a timeline: by event time, ties by recording order.
 *
 * The hash chain follows recording order instead, because events of one dossier come from five
 * streams and arrive in any order: an event stamped 09:00 may be recorded after one stamped 10:00.
 * Chaining by event time would mean inserting into the middle of a chain and rewriting every later
 * hash, which is exactly what the chain exists to make visible. So the chain is append-only in the
 * order tracking learned of things, and readers sort by the time things happened.
 */
export function compareByEventTime(a: { eventTime: string; sequence: number }, b: { eventTime: string; sequence: number }): number {
  const byTime = Date.parse(a.eventTime) - Date.parse(b.eventTime);
  return byTime !== 0 ? byTime : a.sequence - b.sequence;
}
