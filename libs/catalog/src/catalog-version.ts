import { createHash } from 'node:crypto';
import { canonicalJson } from '@bcci/kernel';
import { ENTITY_KINDS, ID_FIELD, type CatalogData } from './model/catalog-data';

/**
 * Content hash of a catalog. Records are sorted by id and start date first, so reordering a file does
 * not change the version, while any change of a value does. Services log and expose it so operators
 * can tell at a glance whether two processes see the same reference data.
 */
export function computeCatalogVersion(data: CatalogData, sample: boolean): string {
  const hash = createHash('sha256');
  hash.update(canonicalJson({ sample }));
  for (const kind of ENTITY_KINDS) {
    const idField = ID_FIELD[kind];
    const key = (record: object) => `${String((record as Record<string, unknown>)[idField])}\u0000${(record as { validFrom: string }).validFrom}`;
    const sorted = [...(data[kind] as readonly object[])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    hash.update(`\n${kind}\n`);
    hash.update(canonicalJson(sorted));
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The first 12 hex digits, enough to compare versions by eye in logs and dashboards. */
export function shortCatalogVersion(version: string): string {
  return version.replace(/^sha256:/, '').slice(0, 12);
}
