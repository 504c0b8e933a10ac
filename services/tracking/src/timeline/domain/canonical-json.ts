/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code units, no whitespace, `undefined`
 * members dropped, arrays kept in order. Defined here rather than borrowed from a library because a
 * timeline's hashes must stay verifiable for years (TT 17/2017 Đ14: at least 5 years of records): the
 * definition may never change under us.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`Cannot hash a non-finite number: ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}
