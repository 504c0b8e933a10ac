/**
 * Growable big-endian buffer writer for the Kafka wire format (pre-flexible versions only, plus the
 * varint forms used inside record batches).
 */
export class Writer {
  private buffer: Buffer;
  private length = 0;

  constructor(initialSize = 256) {
    this.buffer = Buffer.allocUnsafe(initialSize);
  }

  get size(): number {
    return this.length;
  }

  private ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let next = this.buffer.length * 2;
    while (next < needed) next *= 2;
    const grown = Buffer.allocUnsafe(next);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  int8(value: number): this {
    this.ensure(1);
    this.buffer.writeInt8(value, this.length);
    this.length += 1;
    return this;
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  int16(value: number): this {
    this.ensure(2);
    this.buffer.writeInt16BE(value, this.length);
    this.length += 2;
    return this;
  }

  int32(value: number): this {
    this.ensure(4);
    this.buffer.writeInt32BE(value, this.length);
    this.length += 4;
    return this;
  }

  uint32(value: number): this {
    this.ensure(4);
    this.buffer.writeUInt32BE(value, this.length);
    this.length += 4;
    return this;
  }

  /**
   * int64 given as a JS number (offsets, timestamps stay below 2^53) or a bigint. A safe integer is
   * written as two 32-bit halves: converting each to a BigInt first cost a few percent of the broker's
   * CPU (a fetch answer holds three per partition).
   */
  int64(value: number | bigint): this {
    this.ensure(8);
    if (typeof value === 'number' && Number.isSafeInteger(value)) {
      const high = Math.floor(value / 0x1_0000_0000);
      this.buffer.writeInt32BE(high, this.length);
      this.buffer.writeUInt32BE(value - high * 0x1_0000_0000, this.length + 4);
    } else {
      this.buffer.writeBigInt64BE(typeof value === 'bigint' ? value : BigInt(value), this.length);
    }
    this.length += 8;
    return this;
  }

  string(value: string): this {
    const bytes = Buffer.byteLength(value, 'utf8');
    this.int16(bytes);
    this.ensure(bytes);
    this.buffer.write(value, this.length, 'utf8');
    this.length += bytes;
    return this;
  }

  nullableString(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.int16(-1);
    return this.string(value);
  }

  bytes(value: Buffer): this {
    this.int32(value.length);
    return this.raw(value);
  }

  nullableBytes(value: Buffer | null | undefined): this {
    if (value === null || value === undefined) return this.int32(-1);
    return this.bytes(value);
  }

  raw(value: Buffer): this {
    this.ensure(value.length);
    value.copy(this.buffer, this.length);
    this.length += value.length;
    return this;
  }

  array<T>(items: readonly T[], writeItem: (writer: this, item: T) => void): this {
    this.int32(items.length);
    for (const item of items) writeItem(this, item);
    return this;
  }

  nullableArray<T>(items: readonly T[] | null | undefined, writeItem: (writer: this, item: T) => void): this {
    if (items === null || items === undefined) return this.int32(-1);
    return this.array(items, writeItem);
  }

  /** Zig-zag varint, as in record batch v2 records. */
  varint(value: number): this {
    let zigzag = ((value << 1) ^ (value >> 31)) >>> 0;
    this.ensure(5);
    while ((zigzag & ~0x7f) !== 0) {
      this.buffer[this.length++] = (zigzag & 0x7f) | 0x80;
      zigzag >>>= 7;
    }
    this.buffer[this.length++] = zigzag;
    return this;
  }

  varlong(value: number | bigint): this {
    const big = typeof value === 'bigint' ? value : BigInt(value);
    let zigzag = BigInt.asUintN(64, (big << 1n) ^ (big >> 63n));
    this.ensure(10);
    while (zigzag >= 0x80n) {
      this.buffer[this.length++] = Number(zigzag & 0x7fn) | 0x80;
      zigzag >>= 7n;
    }
    this.buffer[this.length++] = Number(zigzag);
    return this;
  }

  /** Reserves an int32 slot to fill later, e.g. a size prefix. Returns its position. */
  reserveInt32(): number {
    this.ensure(4);
    const position = this.length;
    this.length += 4;
    return position;
  }

  patchInt32(position: number, value: number): this {
    this.buffer.writeInt32BE(value, position);
    return this;
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
