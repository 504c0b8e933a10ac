import type { EffectivePeriod } from './effective-date';

/**
 * The geographic relation between intake point and destination that TT 17/2017 Đ7.2 prices in days.
 * Scopes naming districts stop on 2025-06-30 when districts were abolished; their successors are data.
 */
export const POSTAL_LEG_SCOPES = [
  'within-district',
  'between-districts',
  'within-commune',
  'between-communes',
  'between-provinces',
] as const;
export type PostalLegScope = (typeof POSTAL_LEG_SCOPES)[number];

/** Inter-province legs differ between special / class-I cities and other places (TT 17 Đ7.2.e). */
export const DESTINATION_CLASSES = ['special-or-class-1-city', 'other'] as const;
export type DestinationClass = (typeof DESTINATION_CLASSES)[number];

/** Maximum end-to-end time J+n for one scope; the calculation itself lives in the kernel. */
export interface PostalLeg extends EffectivePeriod {
  readonly id: string;
  readonly scope: PostalLegScope;
  /** Only for `between-provinces`; null otherwise. */
  readonly destinationClass: DestinationClass | null;
  readonly maxWorkingDays: number;
  /** When an appointment slip must first reach the applicant (TT 17 Đ7.2.b). */
  readonly maxWorkingDaysWithAppointment: number;
  readonly legalBasis: string;
}
