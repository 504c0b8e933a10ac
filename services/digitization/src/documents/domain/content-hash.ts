import { createHash } from 'node:crypto';

/** `sha256:<64 hex>` (contracts: ContentHash): the identity of a stored document. */
export type ContentHash = string & { readonly __brand: 'ContentHash' };

const CONTENT_HASH = /^sha256:[0-9a-f]{64}$/;

export function contentHashOf(bytes: Uint8Array): ContentHash {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}` as ContentHash;
}

/** Accepts `sha256:<hex>` or the bare hex digest (as in a URL); undefined when neither. */
export function parseContentHash(value: string): ContentHash | undefined {
  const candidate = value.startsWith('sha256:') ? value.toLowerCase() : `sha256:${value.toLowerCase()}`;
  return CONTENT_HASH.test(candidate) ? (candidate as ContentHash) : undefined;
}

export function hexDigestOf(hash: ContentHash): string {
  return hash.slice('sha256:'.length);
}
