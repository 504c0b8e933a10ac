import type { EffectivePeriod } from './effective-date';

export const AGENCY_LEVELS = ['ministry', 'province', 'department', 'division', 'district', 'commune', 'other'] as const;
/** Place in the state apparatus (bộ, UBND tỉnh, sở, phòng, UBND huyện, UBND xã). */
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/**
 * An agency under its electronic id (QĐ 20/2020/QĐ-TTg). Ids were reissued after the 2025 merger: the
 * old id ends with `validTo` and names its `successorId`, so old events still resolve while new work is
 * routed to the new id. Never derive an agency from a code's text.
 */
export interface Agency extends EffectivePeriod {
  readonly id: string;
  readonly name: string;
  readonly level: AgencyLevel;
  readonly parentId: string | null;
  /** Province or commune the agency serves, when it has a territory. */
  readonly administrativeUnitCode: string | null;
  /** Key of the working-day calendar (holidays per year) owned by the kernel. */
  readonly workingCalendarId: string;
  readonly successorId: string | null;
  /** True for the simulated agency used in demos and tests; never a real addressee. */
  readonly demo: boolean;
}
