import type { DossierReferenceKind } from '../../dossiers/domain/dossier-summary';

const PATTERNS: ReadonlyArray<[DossierReferenceKind, RegExp]> = [
  ['PROVISIONAL_ID', /^BCCI-\d{5}-\d{6}-\d{4}$/],
  ['DOSSIER_CODE', /^[0-9A-Z.]{1,35}-\d{6}-\d{4}$/],
  ['S10_ITEM', /^[A-Z]{2}\d{9}[A-Z]{2}$/],
];

/** A reference as a citizen types it: trimmed, upper-cased, inner spaces removed (slips print S10 ids in groups). */
export function normalizeLookupReference(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/** Which kind of reference this is, or undefined when it has the shape of none. */
export function lookupReferenceKind(reference: string): DossierReferenceKind | undefined {
  return PATTERNS.find(([, pattern]) => pattern.test(reference))?.[0];
}

/**
 * What a failed lookup is counted against: each dossier the reference names (so its provisional id, code
 * and S10 id share one allowance), or the typed reference when it names none (so unknown references are
 * still rate-limited without revealing that they are unknown).
 */
export function failureKeys(reference: string, dossierIds: readonly string[]): string[] {
  return dossierIds.length > 0 ? [...new Set(dossierIds)].map((id) => `dossier:${id}`) : [`reference:${reference}`];
}

/**
 * Failed attempts allowed per dossier in a sliding window before the lookup answers 429: enough for
 * a mistyped PIN or two, far too few to walk a million PINs.
 */
export const LOOKUP_FAILURE_LIMIT = { attempts: 5, windowMinutes: 15 } as const;
