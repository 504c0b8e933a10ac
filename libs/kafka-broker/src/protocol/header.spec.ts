import { ApiKey } from './api-keys';
import { decodeRequestHeader, encodeResponseFrame } from './header';
import { kafkajsRequestFrame } from './messages/kafkajs-oracle.spec-helper';
import { MalformedFrameError, Reader } from './reader';
import { Writer } from './writer';

describe('request header', () => {
  it('reads the v1 header kafkajs writes, leaving the reader at the body', async () => {
    const frame = await kafkajsRequestFrame('metadata', 4, { topics: ['a'], allowAutoTopicCreation: false }, 77, 'my-client');
    expect(frame.readInt32BE(0)).toBe(frame.length - 4);
    const reader = new Reader(frame, 4);
    expect(decodeRequestHeader(reader)).toEqual({ apiKey: ApiKey.Metadata, apiVersion: 4, correlationId: 77, clientId: 'my-client' });
    // body: topics [a], allow_auto_topic_creation false
    expect(reader.int32()).toBe(1);
    expect(reader.string()).toBe('a');
    expect(reader.boolean()).toBe(false);
    expect(reader.remaining).toBe(0);
  });

  it('reads a null client id', () => {
    const frame = new Writer().int16(ApiKey.Fetch).int16(11).int32(-5).nullableString(null).toBuffer();
    expect(decodeRequestHeader(new Reader(frame))).toEqual({ apiKey: 1, apiVersion: 11, correlationId: -5, clientId: null });
  });

  it('does not treat tag bytes as header for non-ApiVersions requests at version 3', () => {
    const frame = new Writer().int16(ApiKey.Produce).int16(3).int32(1).string('c').int8(9).toBuffer();
    const reader = new Reader(frame);
    decodeRequestHeader(reader);
    expect(reader.remaining).toBe(1);
  });

  it('skips the tagged fields of the v2 header of ApiVersions v3 (librdkafka opening)', () => {
    const frame = new Writer()
      .int16(ApiKey.ApiVersions)
      .int16(3)
      .int32(1)
      .string('rdkafka')
      // two tagged fields: tag 0 with 3 bytes, tag 200 (2-byte uvarint) with 1 byte
      .raw(Buffer.from([2, 0, 3, 0xaa, 0xbb, 0xcc, 0xc8, 0x01, 1, 0xdd]))
      // body: compact string "kcat" (length+1), compact string "1" , no tags
      .raw(Buffer.from([5, ...Buffer.from('kcat'), 2, 0x31, 0]))
      .toBuffer();
    const reader = new Reader(frame);
    expect(decodeRequestHeader(reader)).toEqual({ apiKey: 18, apiVersion: 3, correlationId: 1, clientId: 'rdkafka' });
    expect(reader.raw(5)).toEqual(Buffer.from([5, ...Buffer.from('kcat')]));
  });

  it('rejects every truncation of a header as malformed', () => {
    const v1 = new Writer().int16(3).int16(1).int32(1).string('abc').toBuffer();
    const v2 = new Writer().int16(18).int16(3).int32(1).string('abc').raw(Buffer.from([1, 0, 2, 7, 7])).toBuffer();
    for (const full of [v1, v2]) {
      expect(() => decodeRequestHeader(new Reader(full))).not.toThrow();
      for (let length = 0; length < full.length; length++) {
        expect(() => decodeRequestHeader(new Reader(full.subarray(0, length)))).toThrow(MalformedFrameError);
      }
    }
  });
});

describe('response frame', () => {
  it('is int32 size, int32 correlation id, body (response header v0), as kafkajs reads it', () => {
    const frame = encodeResponseFrame(0x01020304, Buffer.from([9, 8, 7]));
    expect([...frame]).toEqual([0, 0, 0, 7, 1, 2, 3, 4, 9, 8, 7]);
    // kafkajs connection.processData: readInt32 size, then correlation id, then payload = the rest
    expect(frame.readInt32BE(0)).toBe(frame.length - 4);
    expect(frame.readInt32BE(4)).toBe(0x01020304);
    expect(frame.subarray(8)).toEqual(Buffer.from([9, 8, 7]));
  });

  it('frames an empty body', () => {
    expect([...encodeResponseFrame(-1, Buffer.alloc(0))]).toEqual([0, 0, 0, 4, 255, 255, 255, 255]);
  });
});
