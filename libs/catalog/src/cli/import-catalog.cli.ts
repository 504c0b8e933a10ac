// Imports one province list into a catalog directory:
//   node tools/run-ts.mjs libs/catalog/src/cli/import-catalog.cli.ts --kind procedures --file x.csv --out dir
// Exit codes: 0 written, 1 bad rows (nothing written), 2 wrong usage.
import { ENTITY_KINDS, isEntityKind } from '../model/catalog-data';
import { formatProblem, importCatalogFile } from '../import/import-catalog-file';
import type { ImportFormat } from '../import/check-catalog-text';
import { shortCatalogVersion } from '../catalog-version';

const USAGE = `Cách dùng: import-catalog --kind <${ENTITY_KINDS.join('|')}> --file <tệp .csv|.json> --out <thư mục danh mục> [--format csv|json] [--delimiter ';']`;

function parseArguments(argv: readonly string[]): Record<string, string> | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!name.startsWith('--')) return `tham số không hợp lệ "${name}"`;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return `thiếu giá trị cho ${name}`;
    values[name.slice(2)] = value;
    i++;
  }
  return values;
}

function main(argv: readonly string[]): number {
  const args = parseArguments(argv);
  if (typeof args === 'string') return usage(args);
  const unknown = Object.keys(args).filter((name) => !['kind', 'file', 'out', 'format', 'delimiter'].includes(name));
  if (unknown.length > 0) return usage(`tham số không xác định: ${unknown.map((n) => `--${n}`).join(', ')}`);
  if (!args.kind || !args.file || !args.out) return usage('cần --kind, --file và --out');
  if (!isEntityKind(args.kind)) return usage(`--kind phải là một trong ${ENTITY_KINDS.join(', ')}`);
  if (args.format !== undefined && args.format !== 'csv' && args.format !== 'json') return usage('--format phải là csv hoặc json');

  const report = importCatalogFile({
    kind: args.kind,
    file: args.file,
    outDir: args.out,
    format: args.format as ImportFormat | undefined,
    delimiter: args.delimiter,
    log: (line) => console.log(line),
  });

  for (const warning of report.warnings) console.warn(`Cảnh báo: ${formatProblem(report.file, warning)}`);
  for (const error of report.errors) console.error(`Lỗi: ${formatProblem(report.file, error)}`);
  if (!report.written) {
    console.error(`Kết quả: ${report.rowCount} bản ghi, ${report.errors.length} lỗi. KHÔNG ghi gì vào ${args.out}.`);
    return 1;
  }
  console.log(`Kết quả: đã nhập ${report.items.length} bản ghi ${report.kind} vào ${report.outputFile}.`);
  console.log(
    report.catalogVersion
      ? `Phiên bản danh mục: ${shortCatalogVersion(report.catalogVersion)} (${report.catalogVersion})`
      : 'Thư mục đích chưa đủ 5 loại danh mục; phiên bản sẽ có khi nhập đủ.',
  );
  return 0;
}

function usage(problem: string): number {
  console.error(`${problem}\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
