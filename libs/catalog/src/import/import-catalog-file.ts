import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntityKind } from '../model/catalog-data';
import { catalogFileName, loadCatalogFromDirectory, readCatalogDirectory } from '../load/load-catalog';
import { checkCatalogText, emptyCatalogData, type CatalogTextCheck, type ImportFormat, type ImportProblem } from './check-catalog-text';

export interface ImportCatalogOptions {
  readonly kind: EntityKind;
  readonly file: string;
  /** Catalog directory that receives `<kind>.json`; created if missing. */
  readonly outDir: string;
  /** Default: from the file extension. */
  readonly format?: ImportFormat;
  readonly delimiter?: string;
  /** Progress lines for a human; silent by default. */
  readonly log?: (line: string) => void;
}

export interface ImportCatalogReport extends CatalogTextCheck<EntityKind> {
  readonly file: string;
  readonly written: boolean;
  readonly outputFile: string | null;
  /** Version of the whole target directory after writing, when it now holds all five kinds. */
  readonly catalogVersion: string | null;
}

export function formatFromFileName(file: string): ImportFormat | null {
  const extension = path.extname(file).toLowerCase();
  return extension === '.csv' ? 'csv' : extension === '.json' ? 'json' : null;
}

export function formatProblem(file: string, problem: ImportProblem): string {
  const where = problem.line === null ? file : `${file}:${problem.line}`;
  return `${where}: ${problem.field ? `[${problem.field}] ` : ''}${problem.message}`;
}

/**
 * Checks one province list and, only if every row is valid, writes it normalised into the target
 * catalog directory (through a temporary file and a rename, so a reader never sees half a file).
 * References are checked against the kinds already in that directory.
 */
export function importCatalogFile(options: ImportCatalogOptions): ImportCatalogReport {
  const log = options.log ?? (() => undefined);
  const format = options.format ?? formatFromFileName(options.file);
  const fail = (message: string): ImportCatalogReport => ({
    kind: options.kind,
    format: format ?? 'csv',
    rowCount: 0,
    items: [],
    errors: [{ line: null, field: null, message }],
    warnings: [],
    file: options.file,
    written: false,
    outputFile: null,
    catalogVersion: null,
  });
  if (!format) return fail('không nhận ra định dạng tệp; dùng đuôi .csv hoặc .json, hoặc --format csv|json');
  if (!fs.existsSync(options.file)) return fail(`không tìm thấy tệp ${options.file}`);

  log(`Đọc ${options.file} (${format.toUpperCase()}, loại ${options.kind})…`);
  const text = fs.readFileSync(options.file, 'utf8');

  const existing = fs.existsSync(options.outDir) ? readCatalogDirectory(options.outDir) : null;
  const presentKinds = new Set(existing?.presentKinds ?? []);
  presentKinds.delete(options.kind);
  const warnings: ImportProblem[] = [];
  for (const issue of existing?.issues ?? []) {
    if (issue.kind === options.kind) continue;
    // A broken neighbour file cannot vouch for references; say so rather than fail on its account.
    presentKinds.delete(issue.kind);
    warnings.push({ line: null, field: null, message: `bỏ qua ${issue.kind}.json đang có trong thư mục đích vì không hợp lệ: ${issue.message}` });
  }
  if (presentKinds.size > 0) log(`Kiểm tra tham chiếu với: ${[...presentKinds].join(', ')}`);

  const check = checkCatalogText(options.kind, text, format, {
    delimiter: options.delimiter,
    context: { data: existing?.data ?? emptyCatalogData(), presentKinds },
  });
  const report = { ...check, warnings: [...warnings, ...check.warnings], file: options.file };
  const badLines = new Set(check.errors.map((error) => error.line).filter((line) => line !== null)).size;
  log(`Đã kiểm tra ${check.rowCount} bản ghi: ${badLines} dòng có lỗi, tổng ${check.errors.length} lỗi.`);

  if (check.errors.length > 0) return { ...report, written: false, outputFile: null, catalogVersion: null };

  fs.mkdirSync(options.outDir, { recursive: true });
  const outputFile = path.join(options.outDir, catalogFileName(options.kind));
  const document = { kind: options.kind, sample: false, source: path.basename(options.file), items: check.items };
  const temporary = `${outputFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
  fs.renameSync(temporary, outputFile);
  log(`Đã ghi ${outputFile}.`);

  let catalogVersion: string | null = null;
  try {
    catalogVersion = loadCatalogFromDirectory(options.outDir).version;
  } catch {
    // Not all kinds imported yet: the directory is not a complete catalog, which is fine mid-way.
  }
  return { ...report, written: true, outputFile, catalogVersion };
}
