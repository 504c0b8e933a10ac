import { createHmac } from 'node:crypto';

export type BlindIndexKind = 'name' | 'phone';

/**
 * Keyed hashes (HMAC-SHA256) of normalised search terms: equality search over encrypted data without
 * storing the terms. The kind is part of the input so a name token never equals a phone's hash.
 */
export class BlindIndex {
  constructor(private readonly key: Buffer) {}

  token(kind: BlindIndexKind, normalisedTerm: string): string {
    return createHmac('sha256', this.key).update(`${kind}\u0000${normalisedTerm}`, 'utf8').digest('hex');
  }
}
