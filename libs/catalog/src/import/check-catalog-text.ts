import { ENTITY_KINDS, type CatalogData, type EntityByKind, type EntityKind } from '../model/catalog-data';
import { RECORD_VALIDATORS } from '../validation/record-validators';
import { validateCatalogData } from '../validation/validate-catalog';
import type { RecordIssue } from '../validation/validation-issue';
import { parseCsvTable } from './csv-parser';
import { CSV_COLUMNS, type ColumnSpec } from './csv-columns';
import { convertCell } from './csv-cells';
import { locateJsonItems } from './json-locator';

export type ImportFormat = 'csv' | 'json';

/** One problem in an input file: the line it is on (null when it concerns the whole file) and the column. */
export interface ImportProblem {
  readonly line: number | null;
  readonly field: string | null;
  readonly message: string;
}

export interface ReferenceContext {
  /** The other kinds already in the target catalog, to check references against. */
  readonly data: CatalogData;
  readonly presentKinds: ReadonlySet<EntityKind>;
}

export interface CatalogTextCheck<K extends EntityKind> {
  readonly kind: K;
  readonly format: ImportFormat;
  /** Data rows (CSV) or list elements (JSON) read. */
  readonly rowCount: number;
  /** Normalised records; complete only when `errors` is empty. */
  readonly items: EntityByKind[K][];
  readonly errors: ImportProblem[];
  readonly warnings: ImportProblem[];
}

interface Entry {
  readonly line: number | null;
  readonly raw: unknown;
  readonly conversionIssues: RecordIssue[];
}

function csvEntries(kind: EntityKind, text: string, delimiter: string, errors: ImportProblem[]): Entry[] {
  const table = parseCsvTable(text.normalize('NFC'), delimiter);
  errors.push(...table.problems.map((p) => ({ line: p.line, field: null, message: p.message })));
  if (table.header.length === 0) return [];
  const specs = CSV_COLUMNS[kind];
  const known = new Set(specs.map((spec) => spec.column));
  const missing = specs.filter((spec) => spec.required && !table.header.includes(spec.column));
  const unknown = table.header.filter((name) => name !== '' && !known.has(name));
  for (const spec of missing) errors.push({ line: 1, field: spec.column, message: `thiếu cột bắt buộc "${spec.column}"` });
  for (const name of unknown) errors.push({ line: 1, field: name, message: `cột không xác định "${name}"; các cột hợp lệ: ${[...known].join(', ')}` });
  // With a wrong header every row would fail the same way; one message per column is clearer.
  if (missing.length > 0 || unknown.length > 0) return [];

  return table.records.map((record) => {
    const raw: Record<string, unknown> = {};
    const conversionIssues: RecordIssue[] = [];
    // Nested groups (timeLimits, fees) exist even when all their cells fail, so only the cells are blamed.
    for (const spec of specs) if (spec.field.includes('.')) setPath(raw, spec.field, undefined);
    for (const spec of specs) {
      const text = (record.fields[spec.column] ?? '').trim();
      const value = emptyValue(spec, text) ?? convertCell(spec.type, text);
      if ('error' in value) conversionIssues.push({ field: spec.field, message: value.error });
      else if (value.value !== undefined) setPath(raw, spec.field, value.value);
    }
    return { line: record.line, raw, conversionIssues };
  });
}

function emptyValue(spec: ColumnSpec, text: string): { value: unknown } | null {
  if (text !== '') return null;
  if (spec.type === 'service-forms' || spec.type === 'components' || spec.type === 'competent-agencies') return { value: [] };
  return { value: undefined };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

function jsonEntries(kind: EntityKind, text: string, errors: ImportProblem[]): Entry[] {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message);
    errors.push({ line: line ? Number(line[1]) : null, field: null, message: `JSON không hợp lệ: ${message}` });
    return [];
  }
  let items: unknown;
  if (Array.isArray(document)) items = document;
  else if (document !== null && typeof document === 'object') {
    const envelope = document as Record<string, unknown>;
    if (envelope.kind !== undefined && envelope.kind !== kind) {
      errors.push({ line: null, field: 'kind', message: `tệp khai báo kind "${String(envelope.kind)}", đang nhập "${kind}"` });
      return [];
    }
    items = envelope.items;
  }
  if (!Array.isArray(items)) {
    errors.push({ line: null, field: null, message: 'tệp JSON phải là một danh sách bản ghi hoặc đối tượng có trường "items" là danh sách' });
    return [];
  }
  const lines = locateJsonItems(text);
  return items.map((raw, index) => ({ line: lines[index] ?? null, raw, conversionIssues: [] }));
}

function columnSpecOf(kind: EntityKind, field: string): ColumnSpec | undefined {
  return CSV_COLUMNS[kind].find((s) => field === s.field || field.startsWith(`${s.field}.`) || field.startsWith(`${s.field}[`));
}

/** Problems of one row are listed left to right, as the province reads its spreadsheet. */
function columnOrder(kind: EntityKind, field: string | null): number {
  const spec = field === null ? undefined : columnSpecOf(kind, field);
  return spec ? CSV_COLUMNS[kind].indexOf(spec) : CSV_COLUMNS[kind].length;
}

/** Column (CSV) or field path that an issue about a record field should be shown under. */
function displayField(kind: EntityKind, format: ImportFormat, field: string | null): string | null {
  if (field === null || format === 'json') return field;
  const spec = columnSpecOf(kind, field);
  if (!spec) return field;
  return spec.field === field ? spec.column : `${spec.column} (${field})`;
}

/**
 * Validates the text of one province list: syntax, every record, duplicates and overlapping versions
 * inside the list, and references to the other kinds given in `context`. Reports every problem with
 * its line; never stops at the first.
 */
export function checkCatalogText<K extends EntityKind>(
  kind: K,
  text: string,
  format: ImportFormat,
  options: { delimiter?: string; context?: ReferenceContext } = {},
): CatalogTextCheck<K> {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const entries = format === 'csv' ? csvEntries(kind, text, options.delimiter ?? ',', errors) : jsonEntries(kind, text, errors);

  const items: EntityByKind[K][] = [];
  const lineOfItem: (number | null)[] = [];
  for (const entry of entries) {
    const result = RECORD_VALIDATORS[kind](entry.raw);
    // A cell that failed to convert would also fail validation; keep only the more precise message.
    const converted = new Set(entry.conversionIssues.map((issue) => issue.field));
    const issues = [
      ...entry.conversionIssues,
      ...(result.ok ? [] : result.issues.filter((issue) => !issue.field || ![...converted].some((f) => f && (issue.field === f || issue.field!.startsWith(`${f}.`) || issue.field!.startsWith(`${f}[`))))),
    ];
    if (format === 'csv') issues.sort((a, b) => columnOrder(kind, a.field) - columnOrder(kind, b.field));
    if (issues.length === 0 && result.ok) {
      items.push(result.value as EntityByKind[K]);
      lineOfItem.push(entry.line);
    } else {
      for (const issue of issues) errors.push({ line: entry.line, field: displayField(kind, format, issue.field), message: issue.message });
    }
  }

  const context = options.context;
  const presentKinds = new Set<EntityKind>(context?.presentKinds ?? []);
  presentKinds.add(kind);
  const data = { ...(context?.data ?? emptyCatalogData()), [kind]: items } as CatalogData;
  for (const issue of validateCatalogData(data, { presentKinds })) {
    if (issue.kind === kind) {
      const line = issue.index === null ? null : lineOfItem[issue.index];
      errors.push({ line, field: displayField(kind, format, issue.field), message: issue.message });
    } else {
      // An existing list that would break if this one replaced it (e.g. a procedure whose agency vanished).
      errors.push({ line: null, field: null, message: `${issue.kind}.json bản ghi #${(issue.index ?? 0) + 1}${issue.field ? ` ${issue.field}` : ''}: ${issue.message}` });
    }
  }
  for (const other of referencedKinds(kind)) {
    if (!presentKinds.has(other)) {
      warnings.push({ line: null, field: null, message: `chưa kiểm tra tham chiếu tới ${other} vì thư mục đích chưa có ${other}.json; hãy nhập ${other} trước` });
    }
  }
  if (entries.length === 0 && errors.length === 0) warnings.push({ line: null, field: null, message: 'tệp không có bản ghi nào' });

  errors.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  return { kind, format, rowCount: entries.length, items, errors, warnings };
}

function referencedKinds(kind: EntityKind): EntityKind[] {
  switch (kind) {
    case 'administrative-units':
    case 'postal-legs':
      return [];
    case 'postal-points':
      return ['administrative-units'];
    case 'agencies':
      return ['administrative-units'];
    case 'procedures':
      return ['agencies'];
  }
}

export function emptyCatalogData(): CatalogData {
  return Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, []])) as unknown as CatalogData;
}
