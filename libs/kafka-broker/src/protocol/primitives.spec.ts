import { Reader, MalformedFrameError } from './reader';
import { Writer } from './writer';

describe('wire primitives', () => {
  it('round-trips every fixed-width and length-prefixed type', () => {
    const writer = new Writer(4)
      .int8(-3)
      .int16(-300)
      .int32(123456789)
      .int64(2 ** 50 + 7)
      .string('hồ sơ')
      .nullableString(null)
      .bytes(Buffer.from([1, 2, 3]))
      .nullableBytes(null)
      .array([5, 6], (w, n) => w.int32(n))
      .nullableArray(null, (w, n: number) => w.int32(n));
    const reader = new Reader(writer.toBuffer());
    expect(reader.int8()).toBe(-3);
    expect(reader.int16()).toBe(-300);
    expect(reader.int32()).toBe(123456789);
    expect(reader.int64()).toBe(2 ** 50 + 7);
    expect(reader.string()).toBe('hồ sơ');
    expect(reader.nullableString()).toBeNull();
    expect([...reader.bytes()]).toEqual([1, 2, 3]);
    expect(reader.nullableBytes()).toBeNull();
    expect(reader.array((r) => r.int32())).toEqual([5, 6]);
    expect(reader.nullableArray((r) => r.int32())).toBeNull();
    expect(reader.remaining).toBe(0);
  });

  it('writes and reads int64 as the big-endian two\'s complement Kafka sends, negative and large ones included', () => {
    const values = [0, 1, -1, 2 ** 32 - 1, 2 ** 32, -(2 ** 32), -(2 ** 32) - 1, 1_733_616_000_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    for (const value of values) {
      const written = new Writer().int64(value).toBuffer();
      const expected = Buffer.alloc(8);
      expected.writeBigInt64BE(BigInt(value));
      expect(written.toString('hex')).toBe(expected.toString('hex'));
      expect(new Reader(written).int64()).toBe(value);
    }
    // Beyond 2^53 the number is rounded, as Number(bigint) rounds it; a bigint is written exactly.
    const large = new Writer().int64(2n ** 62n + 1n).toBuffer();
    expect(new Reader(large).int64()).toBe(Number(2n ** 62n + 1n));
    expect(new Reader(large).bigInt64()).toBe(2n ** 62n + 1n);
  });

  it('encodes varints with zig-zag like the record format', () => {
    for (const value of [0, -1, 1, 63, -64, 64, 300, -300, 2 ** 30, -(2 ** 31)]) {
      const reader = new Reader(new Writer().varint(value).varlong(BigInt(value) * 1000n).toBuffer());
      expect(reader.varint()).toBe(value);
      expect(reader.varlong()).toBe(BigInt(value) * 1000n);
    }
    expect([...new Writer().varint(-1).toBuffer()]).toEqual([1]);
    expect([...new Writer().varint(300).toBuffer()]).toEqual([0xd8, 0x04]);
  });

  it('refuses to read past the frame or trust impossible lengths', () => {
    expect(() => new Reader(Buffer.from([0, 5, 65])).string()).toThrow(MalformedFrameError);
    expect(() => new Reader(Buffer.from([0x7f, 0xff, 0xff, 0xff])).array((r) => r.int8())).toThrow(MalformedFrameError);
    expect(() => new Reader(Buffer.from([0xff, 0xff, 0xff, 0xfe])).bytes()).toThrow(MalformedFrameError);
  });
});
