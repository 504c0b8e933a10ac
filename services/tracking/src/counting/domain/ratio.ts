/**
 * A ratio as the digital-transformation guide defines it (seed 003): a = numerator, b = denominator,
 * ratio = a/b × 100%. A zero or missing denominator makes the ratio "not computable": never 0 and never
 * NaN, because an empty period must not read as a failed target.
 */
export type NotComputableReason = 'zero-denominator' | 'no-denominator';

export interface Ratio {
  readonly numerator: number;
  /** null when the denominator is unknown (no import covers the scope and period). */
  readonly denominator: number | null;
  /** a/b × 100, rounded to two decimals; null when not computable. */
  readonly percent: number | null;
  readonly computable: boolean;
  readonly reason?: NotComputableReason;
}

export function computeRatio(numerator: number, denominator: number | null): Ratio {
  if (!Number.isFinite(numerator) || numerator < 0) throw new RangeError(`numerator must be a non-negative number, got ${numerator}`);
  if (denominator === null) return { numerator, denominator, percent: null, computable: false, reason: 'no-denominator' };
  if (!Number.isFinite(denominator) || denominator < 0) throw new RangeError(`denominator must be a non-negative number, got ${denominator}`);
  if (denominator === 0) return { numerator, denominator, percent: null, computable: false, reason: 'zero-denominator' };
  return { numerator, denominator, percent: roundPercent((numerator / denominator) * 100), computable: true };
}

/** Two decimals, half away from zero, computed on integers so 12.345 does not become 12.34. */
export function roundPercent(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 100 + Number.EPSILON * 100) / 100;
}

/** A per-10,000 rate (losses and damages per 10,000 items carried); null when nothing was carried. */
export function perTenThousand(count: number, base: number): number | null {
  if (base <= 0) return null;
  return Math.round((count / base) * 10_000 * 100) / 100;
}

/** An average (e.g. delivery attempts per result), two decimals; null with nothing to average. */
export function average(total: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((total / count) * 100) / 100;
}

/**
 * The plan's targets read "trên 50%": the ratio must be strictly above the target. Not computable → no
 * verdict (null), which the report shows as "chưa tính được".
 */
export function meetsTarget(ratio: Ratio, targetPercent: number): boolean | null {
  if (!ratio.computable || ratio.percent === null) return null;
  return ratio.numerator * 100 > targetPercent * (ratio.denominator ?? 0);
}
