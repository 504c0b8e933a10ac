import { randomBytes } from 'node:crypto';
import { BlindIndex } from './blind-index';
import { PiiCipher } from './pii-cipher';
import { parseIndexKey, parsePiiKeyring } from './pii-keyring';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

describe('personal data encryption', () => {
  it('round-trips with the key id stored, and refuses another row’s associated data', () => {
    const cipher = new PiiCipher(parsePiiKeyring(keyA));
    const sealed = cipher.encrypt({ name: 'Nguyễn Văn Đức' }, 'dossier-1');
    expect(sealed.keyId).toMatch(/^k[0-9a-f]{12}$/);
    expect(sealed.data.toString('utf8')).not.toContain('Nguy');
    expect(cipher.decrypt(sealed, 'dossier-1')).toEqual({ name: 'Nguyễn Văn Đức' });
    expect(() => cipher.decrypt(sealed, 'dossier-2')).toThrow();
  });

  it('reads data sealed with an older key after rotation', () => {
    const old = new PiiCipher(parsePiiKeyring(`2025:${keyA}`));
    const sealed = old.encrypt({ phone: '0912345678' }, 'd');
    const rotated = new PiiCipher(parsePiiKeyring(`2026:${keyB},2025:${keyA}`));
    expect(rotated.decrypt(sealed, 'd')).toEqual({ phone: '0912345678' });
    expect(rotated.encrypt({}, 'd').keyId).toBe('2026');
  });

  it('validates the keys with a clear message', () => {
    expect(() => parsePiiKeyring(undefined)).toThrow(/PII_ENCRYPTION_KEY is required/);
    expect(() => parsePiiKeyring(randomBytes(16).toString('base64'))).toThrow(/exactly 32 bytes/);
    expect(() => parseIndexKey('short')).toThrow(/PII_INDEX_KEY/);
  });

  it('blind index: deterministic per key and kind', () => {
    const index = new BlindIndex(parseIndexKey(keyA));
    expect(index.token('name', 'duc')).toBe(index.token('name', 'duc'));
    expect(index.token('name', 'duc')).not.toBe(index.token('phone', 'duc'));
    expect(new BlindIndex(parseIndexKey(keyB)).token('name', 'duc')).not.toBe(index.token('name', 'duc'));
  });
});

describe('personal data encryption: IVs', () => {
  it('never repeats an IV, across the draws from the OS', () => {
    const cipher = new PiiCipher(parsePiiKeyring(keyA));
    const sealed = Array.from({ length: 1000 }, (_, n) => cipher.encrypt({ n }, `dossier-${n}`));
    expect(new Set(sealed.map((one) => one.data.subarray(0, 12).toString('hex'))).size).toBe(1000);
    sealed.forEach((one, n) => expect(cipher.decrypt(one, `dossier-${n}`)).toEqual({ n }));
  });
});
