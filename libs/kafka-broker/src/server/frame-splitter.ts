import { MalformedFrameError } from '../protocol/reader';

/**
 * Cuts a TCP byte stream into size-prefixed request frames. A size below the smallest header or above
 * the configured maximum is refused before any buffering, so a hostile size cannot exhaust memory.
 */
export class FrameSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const frames: Buffer[] = [];
    while (this.pendingBytes >= 4) {
      const head = this.peek(4);
      const size = head.readInt32BE(0);
      if (size < 8 || size > this.maxFrameBytes) {
        throw new MalformedFrameError(`request size ${size} is outside 8..${this.maxFrameBytes} bytes`);
      }
      if (this.pendingBytes < 4 + size) break;
      frames.push(this.take(4 + size).subarray(4));
    }
    return frames;
  }

  private peek(count: number): Buffer {
    if (this.pending[0].length >= count) return this.pending[0];
    return Buffer.concat(this.pending).subarray(0, count);
  }

  private take(count: number): Buffer {
    const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    const frame = all.subarray(0, count);
    const rest = all.subarray(count);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return frame;
  }
}
