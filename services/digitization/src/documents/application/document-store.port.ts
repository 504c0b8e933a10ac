import type { Readable } from 'node:stream';
import type { ContentHash } from '../domain/content-hash';

export interface StoredBlob {
  readonly contentHash: ContentHash;
  readonly sizeBytes: number;
  /** False when the same bytes were already stored: content-addressed storage keeps one copy. */
  readonly created: boolean;
}

/**
 * Where scanned bytes live, addressed by their SHA-256. The filesystem adapter is the default; an
 * object-storage adapter (S3-compatible) can implement the same port without touching use cases.
 */
export interface DocumentStore {
  /** Stores the bytes under their hash; idempotent. Throws if the bytes do not match the hash. */
  put(contentHash: ContentHash, bytes: Uint8Array): Promise<StoredBlob>;
  has(contentHash: ContentHash): Promise<boolean>;
  /** A stream of the stored bytes, or undefined when nothing is stored under that hash. */
  open(contentHash: ContentHash): Promise<Readable | undefined>;
}

/** Nest injection token of the DocumentStore port. */
export const DOCUMENT_STORE = Symbol('DocumentStore');
