import { createHash, randomInt } from 'node:crypto';

/**
 * The citizen's lookup PIN, printed on the sending slip: the second factor of the free public status
 * lookup (TT 17/2017 Đ12), so knowing a reference or an S10 id seen on a parcel is not enough.
 * Only its hash leaves intake (`lookupPinHash` in dossier-registered); the definition is the contract's.
 */
export function generateLookupPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function lookupPinHash(dossierId: string, pin: string): string {
  return createHash('sha256').update(`${dossierId}:${pin}`, 'utf8').digest('hex');
}
