/**
 * The part of a CloudEvents envelope the timeline reads. Structural on purpose: the domain stays free of
 * the messaging library, and a replayed payload from the timeline table fits it as well as a live event.
 */
export interface TimelineEvent {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly subject?: string;
  readonly nationalstatus?: number;
  readonly data: Record<string, unknown>;
}

/** A field of the event's data as a string, or undefined. */
export function dataString(event: TimelineEvent, field: string): string | undefined {
  const value = event.data[field];
  return typeof value === 'string' ? value : undefined;
}

/** A nested object of the event's data, or undefined. */
export function dataObject(event: TimelineEvent, field: string): Record<string, unknown> | undefined {
  const value = event.data[field];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Parts of event types already split. Projections ask for them for every event of a dossier's history at
 * every consumer run, and splitting the string each time was 2-3 % of tracking's CPU. The contracts
 * define a few dozen types; past TYPES_REMEMBERED distinct ones (never, with validated events), the
 * others are split each time.
 */
const TYPES_REMEMBERED = 512;
const partsByType = new Map<string, { readonly name: string; readonly producer: string }>();

function partsOf(type: string): { readonly name: string; readonly producer: string } {
  let parts = partsByType.get(type);
  if (parts === undefined) {
    const split = type.split('.');
    parts = { name: split[2] ?? type, producer: split[1] ?? '' };
    if (partsByType.size < TYPES_REMEMBERED) partsByType.set(type, parts);
  }
  return parts;
}

/** `bcci.forwarding.courier-scanned.v1` → `courier-scanned`. */
export function eventName(type: string): string {
  return partsOf(type).name;
}

/** `bcci.forwarding.courier-scanned.v1` → `forwarding`. */
export function eventProducer(type: string): string {
  return partsOf(type).producer;
}

/**
 * A dossier's events by event time, ties by event id: the order folds read them in, whatever order they
 * arrived in. Each instant is parsed once, not at every comparison of the sort.
 */
export function inEventTimeOrder<T extends TimelineEvent>(events: readonly T[]): T[] {
  return events
    .map((event) => ({ event, at: Date.parse(event.time) }))
    .sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0))
    .map(({ event }) => event);
}
