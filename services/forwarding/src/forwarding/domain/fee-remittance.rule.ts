import { VndAmount } from '@bcci/kernel';

export interface FeeLine {
  readonly feeCode: string;
  readonly label?: string;
  readonly amount: number;
}

/** Agency fees collected at intake for one dossier (phí, lệ phí thu hộ). */
export interface DossierFees {
  readonly dossierId: string;
  readonly total: number;
  readonly lines: readonly FeeLine[];
}

export interface Remittance {
  /** Integer VND, the sum of the fees of every dossier in the handover. */
  readonly total: number;
  /** Dossiers that carry fees; a dossier without fees has nothing to remit. */
  readonly dossiers: readonly DossierFees[];
}

/**
 * QĐ 45 Đ7.5 and Đ15.2: the fees collected for the agency are remitted in full with the handover.
 * One remittance per handover record, totalling the fees of its dossiers in whole đồng. A record whose
 * dossiers carry no fee has no remittance (undefined).
 */
export function remittanceForHandover(fees: readonly DossierFees[]): Remittance | undefined {
  const dossiers = fees.filter((item) => item.total > 0);
  if (dossiers.length === 0) return undefined;
  // VndAmount refuses fractions and negatives: a fee total that is not whole đồng is a data error.
  const total = VndAmount.sum(dossiers.map((item) => VndAmount.of(item.total)));
  return { total: total.dong, dossiers };
}
