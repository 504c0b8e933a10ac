import type { EffectivePeriod } from './effective-date';

/**
 * Levels of the administrative hierarchy. `district` only exists up to 2025-06-30: the 01/07/2025
 * reorganisation removed it, and communes then hang directly under their province.
 */
export type AdministrativeLevel = 'province' | 'district' | 'commune';

export const ADMINISTRATIVE_UNIT_KINDS = {
  province: 'province',
  'centrally-run-city': 'province',
  'provincial-city': 'district',
  town: 'district',
  'rural-district': 'district',
  'urban-district': 'district',
  ward: 'commune',
  commune: 'commune',
  township: 'commune',
  'special-zone': 'commune',
} as const satisfies Record<string, AdministrativeLevel>;

/** tỉnh, thành phố trực thuộc TW; thành phố/thị xã/huyện/quận; phường, xã, thị trấn, đặc khu. */
export type AdministrativeUnitKind = keyof typeof ADMINISTRATIVE_UNIT_KINDS;

/** Statistical code length per level: province 2 digits, district 3, commune 5. */
export const ADMINISTRATIVE_CODE_LENGTH: Record<AdministrativeLevel, number> = { province: 2, district: 3, commune: 5 };

/**
 * One version of an administrative unit. The same code may have several versions: province 15 is
 * Yên Bái until 2025-06-30 and Lào Cai from 2025-07-01.
 */
export interface AdministrativeUnit extends EffectivePeriod {
  readonly code: string;
  readonly level: AdministrativeLevel;
  readonly kind: AdministrativeUnitKind;
  readonly name: string;
  /** Code of the unit one level up that is in force on the same days; null for a province. */
  readonly parentCode: string | null;
}
