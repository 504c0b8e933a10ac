/** Raised when a frame ends before a field does or holds an impossible length: the request is malformed. */
export class MalformedFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFrameError';
  }
}

/** Bounds-checked big-endian reader over one request frame. Never reads past the frame. */
export class Reader {
  private position: number;

  constructor(
    private readonly buffer: Buffer,
    offset = 0,
  ) {
    this.position = offset;
  }

  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.buffer.length - this.position;
  }

  private take(count: number): number {
    if (count < 0 || this.position + count > this.buffer.length) {
      throw new MalformedFrameError(`frame too short: wanted ${count} bytes at ${this.position} of ${this.buffer.length}`);
    }
    const start = this.position;
    this.position += count;
    return start;
  }

  int8(): number {
    return this.buffer.readInt8(this.take(1));
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    return this.buffer.readInt16BE(this.take(2));
  }

  int32(): number {
    return this.buffer.readInt32BE(this.take(4));
  }

  uint32(): number {
    return this.buffer.readUInt32BE(this.take(4));
  }

  /**
   * int64 as a JS number; offsets and timestamps fit in 2^53. Read as two 32-bit halves when the value
   * is a safe integer (no BigInt made for every offset of every request); beyond, as before, rounded.
   */
  int64(): number {
    const at = this.take(8);
    const high = this.buffer.readInt32BE(at);
    if (high >= -0x20_0000 && high < 0x20_0000) return high * 0x1_0000_0000 + this.buffer.readUInt32BE(at + 4);
    return Number(this.buffer.readBigInt64BE(at));
  }

  bigInt64(): bigint {
    return this.buffer.readBigInt64BE(this.take(8));
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new MalformedFrameError('null where a string is required');
    return value;
  }

  nullableString(): string | null {
    const length = this.int16();
    if (length === -1) return null;
    if (length < 0) throw new MalformedFrameError(`negative string length ${length}`);
    const start = this.take(length);
    return this.buffer.toString('utf8', start, start + length);
  }

  bytes(): Buffer {
    const value = this.nullableBytes();
    return value ?? Buffer.alloc(0);
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length === -1) return null;
    if (length < 0) throw new MalformedFrameError(`negative bytes length ${length}`);
    const start = this.take(length);
    return this.buffer.subarray(start, start + length);
  }

  array<T>(readItem: (reader: Reader) => T): T[] {
    return this.nullableArray(readItem) ?? [];
  }

  nullableArray<T>(readItem: (reader: Reader) => T): T[] | null {
    const count = this.int32();
    if (count === -1) return null;
    // Each element needs at least one byte; a larger count is a malformed (or hostile) frame.
    if (count < 0 || count > this.remaining) throw new MalformedFrameError(`impossible array length ${count}`);
    const items: T[] = new Array(count);
    for (let index = 0; index < count; index++) items[index] = readItem(this);
    return items;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (shift > 28) throw new MalformedFrameError('varint too long');
      const byte = this.buffer[this.take(1)];
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
    }
    return (result >>> 1) ^ -(result & 1);
  }

  varlong(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (shift > 63n) throw new MalformedFrameError('varlong too long');
      const byte = BigInt(this.buffer[this.take(1)]);
      result |= (byte & 0x7fn) << shift;
      if ((byte & 0x80n) === 0n) break;
      shift += 7n;
    }
    return (result >> 1n) ^ -(result & 1n);
  }

  /** Unsigned varint, as in flexible-version headers (only needed to skip ApiVersions v3 tagged fields). */
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (shift > 28) throw new MalformedFrameError('uvarint too long');
      const byte = this.buffer[this.take(1)];
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
  }

  raw(count: number): Buffer {
    const start = this.take(count);
    return this.buffer.subarray(start, start + count);
  }

  rest(): Buffer {
    return this.raw(this.remaining);
  }
}
