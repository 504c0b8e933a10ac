import type { EffectivePeriod } from './effective-date';

/** Bưu cục cấp 1, 2, 3 and the commune cultural post office (điểm Bưu điện - Văn hóa xã). */
export const POSTAL_POINT_LEVELS = ['level-1', 'level-2', 'level-3', 'commune-cultural'] as const;
export type PostalPointLevel = (typeof POSTAL_POINT_LEVELS)[number];

/**
 * A postal service point, identified by its 5-digit national postal code (TT 07/2017 Đ3.2). A point
 * whose commune was merged in 2025 gets a new version pointing at the new commune.
 */
export interface PostalPoint extends EffectivePeriod {
  readonly postalCode: string;
  readonly name: string;
  readonly level: PostalPointLevel;
  /** Commune (5-digit code) where the point stands, in force on every day of this version. */
  readonly administrativeUnitCode: string;
  readonly address: string | null;
}
