import { foldVietnamese, validatePhoneNumber } from '@bcci/kernel';

/**
 * The words of a name as search matches them: folded (no diacritics, đ → d, lower case) and
 * de-duplicated. "Nguyễn Văn Đức" → nguyen, van, duc. A query matches a dossier when all of its tokens do.
 */
export function nameTokens(fullName: string): string[] {
  return [...new Set(foldVietnamese(fullName).split(/[^a-z0-9]+/).filter((token) => token.length > 0))];
}

/** The phone in national form, or undefined when it is not a phone number at all. */
export function normalisedPhone(input: string): string | undefined {
  const result = validatePhoneNumber(input);
  return result.ok ? result.value : undefined;
}
