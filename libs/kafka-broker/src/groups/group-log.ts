import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import type { FsyncPolicy } from '../log/fsync-policy';

/** Frame: uint32 payload length, uint32 CRC-32 of the payload, payload (UTF-8 JSON). */
const FRAME_HEADER = 8;
/** A larger length can only be garbage from a torn or corrupt tail. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export interface GroupLogOptions {
  fsync: FsyncPolicy;
  fsyncIntervalMs: number;
}

/**
 * Append-only, CRC-framed JSON log (the coordinator's `groups.log`). Replay stops at the first frame that
 * is short, oversized or fails its CRC, and the file is truncated there: that is what a crash mid-write
 * leaves, and everything before it was written completely. Writes are synchronous so that an entry has
 * reached the OS before the request it records is answered (a SIGKILL then loses nothing).
 */
export class GroupLog<T> {
  private fd: number | null = null;
  private bytes = 0;
  private dirty = false;
  private interval: NodeJS.Timeout | null = null;

  constructor(
    readonly filePath: string,
    private readonly options: GroupLogOptions,
  ) {}

  get size(): number {
    return this.bytes;
  }

  /** Reads every intact entry, truncates a torn tail, and opens the file for appending. */
  open(): T[] {
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const data = fs.existsSync(this.filePath) ? fs.readFileSync(this.filePath) : Buffer.alloc(0);
    const entries: T[] = [];
    let position = 0;
    while (position + FRAME_HEADER <= data.length) {
      const length = data.readUInt32BE(position);
      const checksum = data.readUInt32BE(position + 4);
      if (length > MAX_ENTRY_BYTES || position + FRAME_HEADER + length > data.length) break;
      const payload = data.subarray(position + FRAME_HEADER, position + FRAME_HEADER + length);
      if (crc32(payload) !== checksum) break;
      let entry: T;
      try {
        entry = JSON.parse(payload.toString('utf8')) as T;
      } catch {
        break;
      }
      entries.push(entry);
      position += FRAME_HEADER + length;
    }
    this.fd = fs.openSync(this.filePath, fs.constants.O_CREAT | fs.constants.O_RDWR);
    if (position < data.length) {
      fs.ftruncateSync(this.fd, position);
      fs.fsyncSync(this.fd);
    }
    this.bytes = position;
    if (this.options.fsync === 'interval') {
      this.interval = setInterval(() => this.flush(), this.options.fsyncIntervalMs);
      this.interval.unref();
    }
    return entries;
  }

  append(entry: T): void {
    if (this.fd === null) throw new Error(`group log ${this.filePath} is not open`);
    const frame = encodeFrame(entry);
    fs.writeSync(this.fd, frame, 0, frame.length, this.bytes);
    this.bytes += frame.length;
    if (this.options.fsync === 'always') fs.fsyncSync(this.fd);
    else this.dirty = true;
  }

  /**
   * Replaces the whole log with `entries` (a snapshot of the live state): written to a temp file, fsynced,
   * then renamed over the log, so a crash at any point leaves either the old log or the new one.
   */
  rewrite(entries: T[]): void {
    const temp = `${this.filePath}.tmp`;
    const frames = Buffer.concat(entries.map(encodeFrame));
    const tempFd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(tempFd, frames);
      fs.fsyncSync(tempFd);
    } finally {
      fs.closeSync(tempFd);
    }
    if (this.fd !== null) fs.closeSync(this.fd);
    fs.renameSync(temp, this.filePath);
    fsyncDirectory(path.dirname(this.filePath));
    this.fd = fs.openSync(this.filePath, fs.constants.O_RDWR);
    this.bytes = frames.length;
    this.dirty = false;
  }

  flush(): void {
    if (this.fd !== null && this.dirty) {
      fs.fsyncSync(this.fd);
      this.dirty = false;
    }
  }

  close(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    if (this.fd === null) return;
    // Even with fsync 'never', a clean shutdown leaves the log durable.
    this.dirty = true;
    this.flush();
    fs.closeSync(this.fd);
    this.fd = null;
  }
}

function encodeFrame(entry: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(entry), 'utf8');
  const frame = Buffer.allocUnsafe(FRAME_HEADER + payload.length);
  frame.writeUInt32BE(payload.length, 0);
  frame.writeUInt32BE(crc32(payload), 4);
  payload.copy(frame, FRAME_HEADER);
  return frame;
}

function fsyncDirectory(directory: string): void {
  // Makes the rename itself durable; not every platform allows opening a directory, which is harmless.
  try {
    const fd = fs.openSync(directory, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
