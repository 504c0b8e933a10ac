import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

export type BlindIndexKind = 'name' | 'phone';

/**
 * Keyed hashes (HMAC-SHA256) of normalised search terms: equality search over encrypted data without
 * storing the terms. The kind is part of the input so a name token never equals a phone's hash.
 */
export class BlindIndex {
  // A KeyObject built once: handing createHmac a Buffer makes Node re-import the key on every call,
  // which cost a registration more than the hashing itself (several tokens each).
  private readonly key: KeyObject;

  constructor(key: Buffer) {
    this.key = createSecretKey(key);
  }

  token(kind: BlindIndexKind, normalisedTerm: string): string {
    return createHmac('sha256', this.key).update(`${kind}\u0000${normalisedTerm}`, 'utf8').digest('hex');
  }
}
