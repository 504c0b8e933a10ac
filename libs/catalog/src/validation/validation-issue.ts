import type { EntityKind } from '../model/catalog-data';

/** One problem found in one record, with the field it concerns when there is one. */
export interface RecordIssue {
  readonly field: string | null;
  readonly message: string;
}

/** A problem located in a catalog: which kind, which record (index in its list) and which field. */
export interface CatalogIssue extends RecordIssue {
  readonly kind: EntityKind;
  readonly index: number | null;
}

export function formatCatalogIssue(issue: CatalogIssue): string {
  const where = issue.index === null ? issue.kind : `${issue.kind}[${issue.index}]`;
  return `${where}${issue.field ? ` ${issue.field}` : ''}: ${issue.message}`;
}

/** Thrown when data handed to the catalog does not validate; carries every issue, not just the first. */
export class CatalogValidationError extends Error {
  constructor(readonly issues: readonly CatalogIssue[]) {
    super(
      `Danh mục không hợp lệ (${issues.length} lỗi):\n` +
        issues.slice(0, 50).map((issue) => `  - ${formatCatalogIssue(issue)}`).join('\n') +
        (issues.length > 50 ? `\n  … và ${issues.length - 50} lỗi khác` : ''),
    );
    this.name = 'CatalogValidationError';
  }
}
