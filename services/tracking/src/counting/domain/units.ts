import type { LocalDate } from '@bcci/kernel';

/**
 * Where a postal point stood on a day: its commune and province as in force that day (effective-dated
 * units: a 2024 dossier of point 33110 counts under ward 04255 of Yên Bái; a 2025-08 one under ward
 * 04249 of the merged Lào Cai, still code 15).
 */
export interface UnitLocation {
  readonly communeCode: string;
  readonly provinceCode: string;
}

export interface UnitResolver {
  /** Undefined when the point or its unit is unknown that day (counted with empty unit keys). */
  locatePostalPoint(postalCode: string, day: LocalDate): UnitLocation | undefined;
}

/** `as-of-event`: units in force on the counted day; `current`: today's units (via postal points and successors). */
export const UNIT_MODES = ['as-of-event', 'current'] as const;
export type UnitMode = (typeof UNIT_MODES)[number];
