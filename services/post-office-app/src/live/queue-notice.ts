/** The app's work queues; a notice names which of them may have changed. */
export const WORK_QUEUES = ['counter', 'digitization', 'courier', 'returns'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

/** What the browser is told: which queues to read again. No dossier data, so no scope can leak through it. */
export interface QueueNotice {
  readonly queues: readonly WorkQueue[];
  readonly at: string;
}

/** The event's short name (`bcci.intake.dossier-registered.v1` → `dossier-registered`). */
export function eventName(type: string): string {
  const parts = type.split('.');
  return parts.length >= 3 ? parts[parts.length - 2]! : type;
}

const QUEUES_BY_EVENT: Readonly<Record<string, readonly WorkQueue[]>> = {
  'dossier-registered': ['counter', 'digitization'],
  'dossier-withdrawn': ['counter', 'digitization', 'courier'],
  'component-digitized': ['digitization'],
  'component-certified': ['digitization'],
  'dossier-digitized': ['digitization', 'courier'],
  'dossier-digitization-incomplete': ['digitization', 'counter'],
  'postal-leg-opened': ['courier'],
  'courier-scanned': ['courier'],
  'handover-record-signed': ['courier'],
  'supplement-requested': ['counter'],
  'supplement-completed': ['counter'],
  'dossier-rejected': ['counter', 'returns'],
  'result-issued': ['counter', 'returns'],
  'result-digitized': ['returns'],
  'return-leg-opened': ['returns', 'counter'],
  'delivery-attempted': ['returns'],
  'result-delivered': ['returns', 'counter'],
  'counter-pickup-notice-sent': ['returns', 'counter'],
  'result-picked-up-at-agency': ['returns'],
  'result-returned-to-agency': ['returns'],
  'incident-recorded': ['returns', 'courier'],
};

/** Which queues an event may change; empty for events no post-office screen shows. */
export function queuesChangedBy(type: string): readonly WorkQueue[] {
  return QUEUES_BY_EVENT[eventName(type)] ?? [];
}

/** The postal points an event names (intake site, return destination), when it names any. */
export function postalCodesNamedBy(data: Record<string, unknown>): string[] {
  const codes = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && /^\d{5}$/.test(value)) codes.add(value);
  };
  const site = data.intakeSite as Record<string, unknown> | undefined;
  const destination = data.returnDestination as Record<string, unknown> | undefined;
  add(site?.postalCode);
  add(destination?.postalCode);
  add(data.intakePostalCode);
  add(data.destinationPostalCode);
  add(data.postalCode);
  return [...codes];
}

/**
 * Remembers which postal points each dossier belongs to, from the events that say so, so later events of
 * the dossier (which do not repeat it) notify only those points. Bounded: the oldest dossiers are forgotten
 * first, and a forgotten dossier's notice goes to every point (harmless: it carries no data).
 */
export class DossierPostalPoints {
  private readonly points = new Map<string, string[]>();

  constructor(private readonly capacity = 200_000) {}

  learn(dossierId: string, postalCodes: readonly string[]): void {
    if (postalCodes.length === 0) return;
    const known = this.points.get(dossierId) ?? [];
    this.points.delete(dossierId);
    this.points.set(dossierId, [...new Set([...known, ...postalCodes])]);
    if (this.points.size > this.capacity) this.points.delete(this.points.keys().next().value!);
  }

  /** The dossier's postal points, or undefined when none is known (notify everyone). */
  of(dossierId: string): readonly string[] | undefined {
    return this.points.get(dossierId);
  }
}
