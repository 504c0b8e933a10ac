import { createHash } from 'node:crypto';

export interface PiiKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The key that encrypts new data first, then older keys still needed to read what they encrypted. */
export interface PiiKeyring {
  readonly active: PiiKey;
  readonly all: readonly PiiKey[];
}

/**
 * `PII_ENCRYPTION_KEY` holds either one key (32 bytes, base64) or a comma-separated rotation list
 * `id:base64,id:base64`, newest first. A bare key's id is derived from its hash, so the id stored next to
 * a ciphertext names the key without revealing it. Throws a message naming the problem, never the key.
 */
export function parsePiiKeyring(value: string | undefined, variable = 'PII_ENCRYPTION_KEY'): PiiKeyring {
  if (!value || value.trim() === '') throw new Error(`${variable} is required: a 32-byte key in base64 (e.g. openssl rand -base64 32)`);
  const keys = value.split(',').map((entry, index) => {
    const trimmed = entry.trim();
    const separator = trimmed.indexOf(':');
    const id = separator > 0 ? trimmed.slice(0, separator) : undefined;
    const key = decodeKey(separator > 0 ? trimmed.slice(separator + 1) : trimmed, `${variable} entry ${index + 1}`);
    if (id !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`${variable} entry ${index + 1}: key id must be 1–32 letters, digits, _ or -`);
    return { id: id ?? derivedKeyId(key), key };
  });
  const ids = new Set(keys.map((key) => key.id));
  if (ids.size !== keys.length) throw new Error(`${variable}: key ids must be unique`);
  return { active: keys[0], all: keys };
}

/** `PII_INDEX_KEY`: the HMAC key of the blind indexes, at least 32 bytes in base64. */
export function parseIndexKey(value: string | undefined, variable = 'PII_INDEX_KEY'): Buffer {
  if (!value || value.trim() === '') throw new Error(`${variable} is required: at least 32 random bytes in base64 (e.g. openssl rand -base64 32)`);
  const key = Buffer.from(value.trim(), 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value.trim()) || key.length < 32) throw new Error(`${variable} must be base64 of at least 32 bytes`);
  return key;
}

function decodeKey(base64: string, label: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error(`${label} is not base64`);
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${label} must decode to exactly 32 bytes (AES-256), got ${key.length}`);
  return key;
}

function derivedKeyId(key: Buffer): string {
  return 'k' + createHash('sha256').update('bcci-pii-key-id').update(key).digest('hex').slice(0, 12);
}
