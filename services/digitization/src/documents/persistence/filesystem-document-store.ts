import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { DocumentStore, StoredBlob } from '../application/document-store.port';
import { contentHashOf, hexDigestOf, type ContentHash } from '../domain/content-hash';

/**
 * Content-addressed files: `<root>/sha256/ab/cd/<64 hex>`. Two levels of fan-out keep directories
 * small at millions of scans. A write goes to a temporary file and is renamed into place, so a reader
 * never sees a half-written document and two concurrent writers of the same bytes both succeed. The
 * file and its directory entry reach the disk before `put` returns: the caller then commits a row that
 * names the document, and a power cut after that commit must not leave the row naming a file the page
 * cache never wrote.
 */
export class FilesystemDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  pathOf(contentHash: ContentHash): string {
    const hex = hexDigestOf(contentHash);
    return join(this.root, 'sha256', hex.slice(0, 2), hex.slice(2, 4), hex);
  }

  async put(contentHash: ContentHash, bytes: Uint8Array): Promise<StoredBlob> {
    if (contentHashOf(bytes) !== contentHash) throw new Error(`bytes do not match ${contentHash}`);
    const path = this.pathOf(contentHash);
    if (await this.has(contentHash)) return { contentHash, sizeBytes: bytes.length, created: false };
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      // Only a failed write leaves the temporary file: after the rename there is nothing to remove.
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(dirname(path));
    return { contentHash, sizeBytes: bytes.length, created: true };
  }

  async has(contentHash: ContentHash): Promise<boolean> {
    try {
      return (await stat(this.pathOf(contentHash))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async open(contentHash: ContentHash): Promise<Readable | undefined> {
    if (!(await this.has(contentHash))) return undefined;
    return createReadStream(this.pathOf(contentHash));
  }
}

/** Makes a rename in `directory` durable (POSIX: the entry is the directory's data, synced on its own). */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
