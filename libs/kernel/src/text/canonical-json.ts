/**
 * Canonical JSON, the one definition every hash in the project uses (a timeline entry's link in its
 * hash chain, an idempotent request's fingerprint, a catalog's version): object keys sorted by UTF-16
 * code units at every depth, no whitespace, `undefined` members dropped, arrays kept in order with
 * `undefined` items written as null, a Date as its ISO string.
 *
 * Written here rather than borrowed from a library: a timeline's hashes must stay verifiable for years
 * (TT 17/2017 Đ14: at least 5 years of records), so the definition may never change under us.
 * canonical-json.spec.ts holds golden values.
 *
 * A non-finite number throws: JSON has no form for it, and writing it as null (as JSON.stringify does)
 * would give NaN and null the same hash.
 *
 * Written as loops that append to one string: tracking hashes every event it records, and the version
 * with Object.entries, filter, sort, map and join cost about 7 % of its CPU (docs/benchmarks.md).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot write a non-finite number as canonical JSON: ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return arrayJson(value);
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      return objectJson(value as Record<string, unknown>);
    default:
      // undefined, a function or a symbol, as JSON.stringify writes them inside an array; a bigint throws.
      return JSON.stringify(value) ?? 'null';
  }
}

function arrayJson(items: readonly unknown[]): string {
  let json = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) json += ',';
    json += canonicalJson(items[i]);
  }
  return `${json}]`;
}

function objectJson(object: Record<string, unknown>): string {
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units.
  const keys = Object.keys(object).sort();
  let json = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    if (!first) json += ',';
    first = false;
    json += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${json}}`;
}
