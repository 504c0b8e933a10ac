import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { contentHashOf } from '../domain/content-hash';
import { FilesystemDocumentStore } from './filesystem-document-store';

describe('FilesystemDocumentStore (content-addressed: the same bytes stored once)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bcci-docs-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores bytes under their hash once and streams them back', async () => {
    const store = new FilesystemDocumentStore(root);
    const bytes = new TextEncoder().encode('%PDF-1.4 a scan');
    const hash = contentHashOf(bytes);
    expect(await store.has(hash)).toBe(false);
    expect(await store.put(hash, bytes)).toEqual({ contentHash: hash, sizeBytes: bytes.length, created: true });
    expect(await store.put(hash, bytes)).toMatchObject({ created: false });
    await Promise.all([store.put(hash, bytes), store.put(hash, bytes)]);
    const dir = join(root, 'sha256', hash.slice(7, 9), hash.slice(9, 11));
    expect(await readdir(dir)).toEqual([hash.slice(7)]);
    expect(await text((await store.open(hash))!)).toBe('%PDF-1.4 a scan');
  });

  it('has the file and its directory entry on disk before it answers (a row naming the scan commits next)', async () => {
    const store = new FilesystemDocumentStore(root);
    const probe = await open(root, 'r');
    const fileHandle = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
    await probe.close();
    const synced: string[] = [];
    const sync = jest.spyOn(fileHandle, 'sync');
    sync.mockImplementation(async function (this: { fd: number }) {
      synced.push(`fd ${this.fd}`);
    });
    try {
      const bytes = new TextEncoder().encode('%PDF-1.4 kept for good');
      await store.put(contentHashOf(bytes), bytes);
      // The temporary file, then the directory it was renamed into.
      expect(synced).toHaveLength(2);
      // The same bytes again: already on disk, nothing written, nothing to sync.
      await store.put(contentHashOf(bytes), bytes);
      expect(synced).toHaveLength(2);
    } finally {
      sync.mockRestore();
    }
  });

  it('leaves no temporary file behind when a write fails', async () => {
    const store = new FilesystemDocumentStore(root);
    const probe = await open(root, 'r');
    const fileHandle = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
    await probe.close();
    const sync = jest.spyOn(fileHandle, 'sync').mockRejectedValue(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    try {
      const bytes = new TextEncoder().encode('%PDF-1.4 never kept');
      const hash = contentHashOf(bytes);
      await expect(store.put(hash, bytes)).rejects.toThrow('disk full');
      expect(await readdir(join(root, 'sha256', hash.slice(7, 9), hash.slice(9, 11)))).toEqual([]);
      expect(await store.has(hash)).toBe(false);
    } finally {
      sync.mockRestore();
    }
  });

  it('refuses bytes that do not match the hash and answers undefined for unknown hashes', async () => {
    const store = new FilesystemDocumentStore(root);
    const hash = contentHashOf(new Uint8Array([1]));
    await expect(store.put(hash, new Uint8Array([2]))).rejects.toThrow(/do not match/);
    expect(await store.open(hash)).toBeUndefined();
  });
});
