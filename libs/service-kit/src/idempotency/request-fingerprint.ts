import { createHash } from 'node:crypto';
import { canonicalJson } from '@bcci/kernel';

/** Two equal requests written in different key orders have the same fingerprint (canonical JSON). */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
