import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The definition as first written (entries filtered, sorted and joined): the loops must agree with it. */
function definition(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => definition(item === undefined ? null : item)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${definition(item)}`).join(',')}}`;
}

/** A small deterministic generator, so a failure names a value that can be replayed. */
function randomValue(seed: { n: number }, depth: number): unknown {
  const next = () => (seed.n = (seed.n * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const keys = ['a', 'B', 'é', '10', '9', 'dossierId', 'Sở', 'z z', '"q"', ''];
  const pick = next();
  if (depth <= 0 || pick < 0.45) {
    const leaves = [null, true, false, 0, -0, 1.5, -42, 1e21, 'Lào Cai', 'tab\there', '\u0001', 'ꝏ😀', undefined];
    return leaves[Math.floor(next() * leaves.length)];
  }
  if (pick < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(seed, depth - 1));
  if (pick < 0.7) return new Date(Date.UTC(2026, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--) object[keys[Math.floor(next() * keys.length)]] = randomValue(seed, depth - 1);
  return object;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }, undefined], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1},null]},"b":1}');
  });

  it('orders keys by UTF-16 code units, not in the order JavaScript lists them (integer-like keys first)', () => {
    expect(canonicalJson({ é: 1, a: 2, '9': 3, A: 4, '10': 5 })).toBe('{"10":5,"9":3,"A":4,"a":2,"é":1}');
  });

  it('is the same whatever order the keys were written in (a jsonb round trip reorders them)', () => {
    expect(canonicalJson({ x: 'Sở Tư pháp', n: 1 })).toBe(canonicalJson({ n: 1, x: 'Sở Tư pháp' }));
  });

  it('writes a Date as its ISO string', () => {
    expect(canonicalJson({ at: new Date('2026-03-02T03:04:05.678Z') })).toBe('{"at":"2026-03-02T03:04:05.678Z"}');
  });

  it('refuses a non-finite number rather than writing it as null', () => {
    expect(() => canonicalJson({ fee: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/non-finite/);
  });

  it('agrees with the definition as first written on 2,000 generated values', () => {
    const seed = { n: 20_261_208 };
    for (let i = 0; i < 2000; i++) {
      const value = randomValue(seed, 4);
      expect(canonicalJson(value)).toBe(definition(value));
    }
  });

  it('keeps the hashes already recorded: golden values', () => {
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const value = { b: [1, { d: 2, c: undefined }], a: 'Sở', when: new Date('2026-01-01T00:00:00Z'), n: 0.1 };
    expect(canonicalJson(value)).toBe('{"a":"Sở","b":[1,{"d":2}],"n":0.1,"when":"2026-01-01T00:00:00.000Z"}');
    // The fingerprint @bcci/service-kit gave this request before the definitions were merged.
    expect(sha256(canonicalJson(value))).toBe('c1cdd114624e7b9f054a5043f76e9887b7d66a357ad6eacbb61c3c1668054697');
  });
});
