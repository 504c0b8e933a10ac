import { scrypt, timingSafeEqual } from 'node:crypto';

/**
 * The lookup PIN printed on the sending slip is stored only as this hash (contracts: dossier-registered
 * `lookupPinHash`): scrypt(PIN as UTF-8, salt = dossierId as UTF-8, 32 bytes, N = 2^14, r = 8, p = 1), hex.
 * A 6-digit PIN is a second factor against guessing over HTTP (with the rate limit), not a secret that
 * would survive someone brute-forcing a leaked hash offline.
 */
export const LOOKUP_PIN_SCRYPT = { keyLength: 32, N: 16384, r: 8, p: 1 } as const;
export const LOOKUP_PIN_PATTERN = /^\d{6}$/;

export function hashLookupPin(pin: string, dossierId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(pin, dossierId, LOOKUP_PIN_SCRYPT.keyLength, { N: LOOKUP_PIN_SCRYPT.N, r: LOOKUP_PIN_SCRYPT.r, p: LOOKUP_PIN_SCRYPT.p }, (error, key) =>
      error ? reject(error) : resolve(key.toString('hex')),
    );
  });
}

/** Constant-time comparison of the PIN's hash with the stored one. */
export async function lookupPinMatches(pin: string, dossierId: string, storedHash: string): Promise<boolean> {
  const computed = Buffer.from(await hashLookupPin(pin, dossierId), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === computed.length && timingSafeEqual(stored, computed);
}
