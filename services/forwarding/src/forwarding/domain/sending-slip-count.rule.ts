/** One dossier of a handover as counted at the agency's desk. */
export interface CountedItem {
  readonly dossierId: string;
  readonly s10ItemId: string;
  /** Documents (originals + copies) listed on the sending slip at intake. */
  readonly documentsOnSlip: number;
  /** Documents counted by both sides at the handover. */
  readonly documentsCounted: number;
}

export interface CountMismatch {
  readonly dossierId: string;
  readonly s10ItemId: string;
  readonly expected: number;
  readonly counted: number;
}

/**
 * QĐ 45 Đ7.2: both sides count the dossiers against the list of documents on each sending slip
 * before signing. Every dossier whose count differs is returned, so the record is refused with the
 * whole list rather than one error at a time.
 */
export function countMismatches(items: readonly CountedItem[]): CountMismatch[] {
  return items
    .filter((item) => item.documentsCounted !== item.documentsOnSlip)
    .map((item) => ({ dossierId: item.dossierId, s10ItemId: item.s10ItemId, expected: item.documentsOnSlip, counted: item.documentsCounted }));
}

/** Documents listed on a sending slip: every original and every copy of every component. */
export function documentsOnSlip(components: readonly { originals: number; copies: number }[]): number {
  return components.reduce((sum, component) => sum + component.originals + component.copies, 0);
}
