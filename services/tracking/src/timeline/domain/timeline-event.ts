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

/** `bcci.forwarding.courier-scanned.v1` → `courier-scanned`. */
export function eventName(type: string): string {
  return type.split('.')[2] ?? type;
}

/** `bcci.forwarding.courier-scanned.v1` → `forwarding`. */
export function eventProducer(type: string): string {
  return type.split('.')[1] ?? '';
}
