/**
 * Folds Vietnamese text for search: strips tones and vowel marks, maps đ/Đ to d (it is a separate letter,
 * not a combining mark, so Unicode decomposition alone leaves it), lowercases, trims and collapses
 * whitespace. "Nguyễn Văn Đức" and "nguyen  van duc" then match. Index and query must both be folded.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
