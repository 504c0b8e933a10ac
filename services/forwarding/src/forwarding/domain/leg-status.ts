/**
 * States of the leg carrying a sealed dossier from the postal point to the agency. The scans move it
 * forward; the handover record, once signed by both sides, files it; a withdrawal before dispatch
 * closes it.
 */
export const LEG_STATUSES = ['OPEN', 'DISPATCHED', 'ARRIVED', 'HANDED_OVER', 'FILED', 'WITHDRAWN'] as const;
export type LegStatus = (typeof LEG_STATUSES)[number];

/** Legs still travelling (the operations view's "open"). */
export const OPEN_LEG_STATUSES: readonly LegStatus[] = ['OPEN', 'DISPATCHED', 'ARRIVED', 'HANDED_OVER'];

export function isLegOpen(status: LegStatus): boolean {
  return OPEN_LEG_STATUSES.includes(status);
}

/** Courier scans, in the only order they can happen. */
export const SCAN_KINDS = ['DISPATCHED', 'ARRIVED', 'HANDED_OVER'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];
