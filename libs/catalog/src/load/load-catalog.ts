import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog } from '../catalog';
import { ENTITY_KINDS, type CatalogData, type EntityByKind, type EntityKind } from '../model/catalog-data';
import { RECORD_VALIDATORS } from '../validation/record-validators';
import { validateCatalogData } from '../validation/validate-catalog';
import { CatalogValidationError, type CatalogIssue } from '../validation/validation-issue';

/** The illustrative data of the Yên Bái pilot shipped with the library (not official). */
export const SAMPLE_DATA_DIRECTORY = path.resolve(__dirname, '..', '..', 'data', 'sample');

export function catalogFileName(kind: EntityKind): string {
  return `${kind}.json`;
}

export interface ParsedCatalogFile<K extends EntityKind> {
  readonly sample: boolean;
  readonly items: EntityByKind[K][];
  readonly issues: CatalogIssue[];
}

/** Validates the envelope and every record of one `<kind>.json` document, collecting all issues. */
export function parseCatalogFile<K extends EntityKind>(kind: K, document: unknown): ParsedCatalogFile<K> {
  const issues: CatalogIssue[] = [];
  const fail = (message: string): ParsedCatalogFile<K> => ({ sample: false, items: [], issues: [{ kind, index: null, field: null, message }] });
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return fail('tệp phải chứa một đối tượng { kind, sample, items }');
  const envelope = document as Record<string, unknown>;
  if (envelope.kind !== kind) return fail(`trường "kind" phải là "${kind}", nhận được ${JSON.stringify(envelope.kind)}`);
  if (typeof envelope.sample !== 'boolean') return fail('trường "sample" phải là true hoặc false');
  if (!Array.isArray(envelope.items)) return fail('trường "items" phải là một danh sách');
  const items: EntityByKind[K][] = [];
  envelope.items.forEach((raw, index) => {
    const result = RECORD_VALIDATORS[kind](raw);
    if (result.ok) items.push(result.value as EntityByKind[K]);
    else issues.push(...result.issues.map((issue) => ({ kind, index, ...issue })));
  });
  return { sample: envelope.sample, items, issues };
}

export interface CatalogDirectoryContents {
  readonly data: CatalogData;
  readonly presentKinds: ReadonlySet<EntityKind>;
  readonly sample: boolean;
  readonly issues: CatalogIssue[];
}

/**
 * Reads whatever `<kind>.json` files a directory holds, without cross-checking them. Missing kinds are
 * empty and left out of `presentKinds`; the importer uses this to check references to what exists.
 */
export function readCatalogDirectory(directory: string): CatalogDirectoryContents {
  const data: Record<string, unknown[]> = {};
  const presentKinds = new Set<EntityKind>();
  const issues: CatalogIssue[] = [];
  let sample = false;
  for (const kind of ENTITY_KINDS) {
    data[kind] = [];
    const file = path.join(directory, catalogFileName(kind));
    if (!fs.existsSync(file)) continue;
    presentKinds.add(kind);
    let document: unknown;
    try {
      document = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      issues.push({ kind, index: null, field: null, message: `không đọc được ${file}: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseCatalogFile(kind, document);
    data[kind] = parsed.items;
    sample ||= parsed.sample;
    issues.push(...parsed.issues);
  }
  return { data: data as unknown as CatalogData, presentKinds, sample, issues };
}

/** Loads a complete catalog directory (all five files), validating records and references. */
export function loadCatalogFromDirectory(directory: string): Catalog {
  const contents = readCatalogDirectory(directory);
  const missing = ENTITY_KINDS.filter((kind) => !contents.presentKinds.has(kind));
  const issues = [
    ...missing.map((kind): CatalogIssue => ({ kind, index: null, field: null, message: `thiếu tệp ${path.join(directory, catalogFileName(kind))}` })),
    ...contents.issues,
  ];
  // Cross checks only make sense once every record parsed; otherwise a bad row would echo as a broken reference.
  if (issues.length === 0) issues.push(...validateCatalogData(contents.data));
  if (issues.length > 0) throw new CatalogValidationError(issues);
  return Catalog.fromData(contents.data, { sample: contents.sample });
}

let sampleCatalog: Catalog | undefined;

/** The pilot sample catalog, loaded once per process. Flagged `sample: true`. */
export function loadSampleCatalog(): Catalog {
  sampleCatalog ??= loadCatalogFromDirectory(SAMPLE_DATA_DIRECTORY);
  return sampleCatalog;
}
