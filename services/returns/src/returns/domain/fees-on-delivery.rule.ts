import { feesMismatch } from './returns.errors';

/**
 * TT 17/2017 Đ5.2.e: the courier collects the fees the agency says are still owed (result-issued
 * `feesOwed`, integer VND) and remits them to the agency. The amount collected must be exactly what is
 * owed: neither a partial payment nor an extra charge goes through a delivery.
 */
export function assertFeesCollected(owed: number, collected: number): void {
  if (!Number.isSafeInteger(collected) || collected !== owed) throw feesMismatch(owed, collected);
}
