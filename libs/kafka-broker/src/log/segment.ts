import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32c } from '../protocol/crc32c';
import { BATCH_HEADER_SIZE, batchSizeAt, readBatchHeader, type BatchHeader } from '../protocol/record-batch';
import { BatchIndex } from './batch-index';

const FILE_SUFFIX = '.log';
const SCAN_CHUNK = 1 << 20;

export function segmentFileName(baseOffset: number): string {
  return `${String(baseOffset).padStart(20, '0')}${FILE_SUFFIX}`;
}

export function listSegmentBaseOffsets(directory: string): number[] {
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(FILE_SUFFIX))
    .map((name) => Number(name.slice(0, -FILE_SUFFIX.length)))
    .filter((offset) => Number.isSafeInteger(offset))
    .sort((a, b) => a - b);
}

/** Called for every batch found while recovering a segment (used to rebuild producer state). */
export type BatchVisitor = (header: BatchHeader) => void;

/**
 * One append-only file of raw record batches, named by its first offset. The index is rebuilt by
 * scanning the file; a torn or corrupt tail (a crash mid-write) is cut off at the last whole batch.
 */
export class Segment {
  readonly index = new BatchIndex();
  private bytes = 0;
  private largestTimestamp = -1;
  private nextOffsetValue: number;
  readonly createdAtMs: number;

  private constructor(
    readonly filePath: string,
    readonly baseOffset: number,
    private fd: number,
  ) {
    this.nextOffsetValue = baseOffset;
    this.createdAtMs = fs.fstatSync(fd).birthtimeMs || Date.now();
  }

  static create(directory: string, baseOffset: number): Segment {
    const filePath = path.join(directory, segmentFileName(baseOffset));
    return new Segment(filePath, baseOffset, fs.openSync(filePath, 'a+'));
  }

  /** Opens an existing segment, rebuilding its index. Returns the number of bytes cut off the tail. */
  static recover(directory: string, baseOffset: number, visit: BatchVisitor): { segment: Segment; truncatedBytes: number } {
    const segment = Segment.create(directory, baseOffset);
    const truncatedBytes = segment.scan(visit);
    return { segment, truncatedBytes };
  }

  private scan(visit: BatchVisitor): number {
    const fileSize = fs.fstatSync(this.fd).size;
    let position = 0;
    let chunk = Buffer.alloc(0);
    let chunkStart = 0;
    const readAt = (at: number, length: number): Buffer | null => {
      if (at + length > fileSize) return null;
      if (at < chunkStart || at + length > chunkStart + chunk.length) {
        chunk = Buffer.allocUnsafe(Math.max(length, SCAN_CHUNK));
        const read = fs.readSync(this.fd, chunk, 0, chunk.length, at);
        chunk = chunk.subarray(0, read);
        chunkStart = at;
        if (read < length) return null;
      }
      return chunk.subarray(at - chunkStart, at - chunkStart + length);
    };
    for (;;) {
      const lengthFields = readAt(position, 12);
      if (!lengthFields) break;
      const size = batchSizeAt(lengthFields, 0);
      if (size < BATCH_HEADER_SIZE) break;
      const batch = readAt(position, size);
      if (!batch) break;
      const header = readBatchHeader(batch);
      if (header.magic !== 2 || crc32c(batch, 21) !== header.crc) break;
      const lastOffset = header.baseOffset + header.lastOffsetDelta;
      if (header.baseOffset < this.nextOffsetValue) break;
      this.index.add(header.baseOffset, lastOffset, position, header.maxTimestamp);
      this.largestTimestamp = Math.max(this.largestTimestamp, header.maxTimestamp);
      this.nextOffsetValue = lastOffset + 1;
      visit(header);
      position += size;
    }
    this.bytes = position;
    if (position < fileSize) fs.ftruncateSync(this.fd, position);
    return fileSize - position;
  }

  get size(): number {
    return this.bytes;
  }

  get nextOffset(): number {
    return this.nextOffsetValue;
  }

  get maxTimestamp(): number {
    return this.largestTimestamp;
  }

  get isEmpty(): boolean {
    return this.index.length === 0;
  }

  /** Appends one batch whose base offset is already assigned. */
  append(batch: Buffer, header: BatchHeader, baseOffset: number): void {
    fs.writeSync(this.fd, batch, 0, batch.length, this.bytes);
    const lastOffset = baseOffset + header.lastOffsetDelta;
    this.index.add(baseOffset, lastOffset, this.bytes, header.maxTimestamp);
    this.bytes += batch.length;
    this.largestTimestamp = Math.max(this.largestTimestamp, header.maxTimestamp);
    this.nextOffsetValue = lastOffset + 1;
  }

  /**
   * Whole batches starting with the one that contains `offset`, up to `maxBytes` but always at least one
   * batch (KIP-74), or null when the offset is not in this segment.
   */
  read(offset: number, maxBytes: number): Buffer | null {
    const first = this.index.findBatchContaining(offset);
    if (first < 0) return null;
    const start = this.index.position(first);
    let end = this.endOfBatch(first);
    for (let i = first + 1; i < this.index.length; i++) {
      const next = this.endOfBatch(i);
      if (next - start > maxBytes) break;
      end = next;
    }
    const buffer = Buffer.allocUnsafe(end - start);
    fs.readSync(this.fd, buffer, 0, buffer.length, start);
    return buffer;
  }

  private endOfBatch(i: number): number {
    return i + 1 < this.index.length ? this.index.position(i + 1) : this.bytes;
  }

  sync(): void {
    fs.fdatasyncSync(this.fd);
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }

  delete(): void {
    this.close();
    fs.rmSync(this.filePath, { force: true });
  }
}
