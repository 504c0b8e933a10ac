import { documentsNotTakenBack } from './returns.errors';

export interface DocumentCount {
  readonly documentCode: string;
  readonly title?: string;
  readonly count: number;
}

/**
 * TT 17/2017 Đ5.2.đ: when the agency asks for documents back (an old licence against the new one), the
 * result is handed over only once they are collected. Each kind the agency listed must be taken back in
 * at least the number of copies it asked for; documents it did not ask for may be taken back too.
 * Answers what is still missing (empty when the delivery may go ahead).
 */
export function documentsStillMissing(required: readonly DocumentCount[], takenBack: readonly DocumentCount[]): DocumentCount[] {
  const collected = new Map<string, number>();
  for (const doc of takenBack) collected.set(doc.documentCode, (collected.get(doc.documentCode) ?? 0) + doc.count);
  return required.flatMap((doc) => {
    const missing = doc.count - (collected.get(doc.documentCode) ?? 0);
    return missing > 0 ? [{ ...doc, count: missing }] : [];
  });
}

export function assertDocumentsTakenBack(required: readonly DocumentCount[], takenBack: readonly DocumentCount[]): void {
  const missing = documentsStillMissing(required, takenBack);
  if (missing.length > 0) throw documentsNotTakenBack(missing);
}
