import type { AdministrativeUnit } from './administrative-unit';
import type { Agency } from './agency';
import type { PostalLeg } from './postal-leg';
import type { PostalPoint } from './postal-point';
import type { Procedure } from './procedure';

/** One data file per kind, named `<kind>.json` in a catalog directory. */
export const ENTITY_KINDS = ['administrative-units', 'postal-points', 'agencies', 'procedures', 'postal-legs'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityByKind {
  'administrative-units': AdministrativeUnit;
  'postal-points': PostalPoint;
  agencies: Agency;
  procedures: Procedure;
  'postal-legs': PostalLeg;
}

export type CatalogData = { readonly [K in EntityKind]: readonly EntityByKind[K][] };

/** What a `<kind>.json` file holds. `sample: true` marks illustrative data that is not official. */
export interface CatalogFile<K extends EntityKind = EntityKind> {
  readonly kind: K;
  readonly sample: boolean;
  readonly description?: string;
  readonly source?: string;
  readonly items: readonly EntityByKind[K][];
}

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

/** The field that names a record; versions of one record share it. */
export const ID_FIELD: { readonly [K in EntityKind]: keyof EntityByKind[K] & string } = {
  'administrative-units': 'code',
  'postal-points': 'postalCode',
  agencies: 'id',
  procedures: 'code',
  'postal-legs': 'id',
};
