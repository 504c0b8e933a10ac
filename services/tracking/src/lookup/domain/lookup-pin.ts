import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The lookup PIN printed on the sending slip is published only as this hash (contracts: dossier-registered
 * `lookupPinHash`): SHA-256 over the UTF-8 string `<dossierId>:<PIN>`, hex. A fast hash on purpose (see
 * the contract): whoever reads Kafka already sees every status event, so the PIN only guards the public
 * page against someone who merely knows a reference; the per-reference rate limit is the real barrier.
 */
export const LOOKUP_PIN_PATTERN = /^\d{6}$/;

export function hashLookupPin(pin: string, dossierId: string): string {
  return createHash('sha256').update(`${dossierId}:${pin}`, 'utf8').digest('hex');
}

/** Constant-time comparison of the PIN's hash with the stored one. */
export function lookupPinMatches(pin: string, dossierId: string, storedHash: string): boolean {
  const computed = Buffer.from(hashLookupPin(pin, dossierId), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === computed.length && timingSafeEqual(stored, computed);
}
