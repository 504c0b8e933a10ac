import { type LegStatus, SCAN_KINDS, type ScanKind } from './leg-status';

/** What a scan does to a leg: a new step, a repeat of a step already recorded, or a refusal. */
export type ScanDecision =
  | { readonly outcome: 'record'; readonly nextStatus: LegStatus }
  | { readonly outcome: 'repeat' }
  | { readonly outcome: 'out-of-order'; readonly reason: string };

/**
 * Scan order: DISPATCHED before ARRIVED before HANDED_OVER, one step at a time.
 * - A scan of a step already recorded is a repeat (a courier scanning twice, a retried request): it is
 *   accepted and changes nothing, whatever the leg's state now.
 * - A scan that skips a step, or any new scan on a withdrawn or filed leg, is out of order.
 */
export function decideScan(status: LegStatus, recorded: readonly ScanKind[], kind: ScanKind): ScanDecision {
  if (recorded.includes(kind)) return { outcome: 'repeat' };
  if (status === 'WITHDRAWN') return { outcome: 'out-of-order', reason: 'leg closed: dossier withdrawn' };
  if (status === 'FILED') return { outcome: 'out-of-order', reason: 'leg closed: handover record signed' };
  const expected = SCAN_KINDS[recorded.length];
  if (kind !== expected) return { outcome: 'out-of-order', reason: `expected ${expected ?? 'no further scan'}, got ${kind}` };
  return { outcome: 'record', nextStatus: kind };
}

/** A later step cannot carry an earlier time than the step before it. */
export function isScanTimeAfterPrevious(previousAt: Date | null, at: Date): boolean {
  return previousAt === null || at.getTime() >= previousAt.getTime();
}
