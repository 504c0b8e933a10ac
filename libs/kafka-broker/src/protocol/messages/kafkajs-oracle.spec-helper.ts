/**
 * Test-only bridge to kafkajs 2.2.4's own per-version encoders and decoders, used as the conformance oracle.
 * Not a spec file itself (jest matches `*.spec.ts` only).
 */
/* eslint-disable @typescript-eslint/no-require-imports */

// kafkajs ships no types for its internals; `any` is confined to this bridge.
type Any = any;

export const KafkajsDecoder: Any = require('kafkajs/src/protocol/decoder');

/**
 * kafkajs decoders never check that they consumed the whole body, so a trailing field we write by mistake
 * (or one we forget, when it is the last) would go unnoticed. We record how far every kafkajs Decoder read
 * its buffer by turning `offset` into an accessor on the prototype: the constructor's `this.offset = 0`
 * and every `this.offset += n` then pass through the setter.
 */
const furthestRead = new WeakMap<Buffer, number>();
if (!Object.getOwnPropertyDescriptor(KafkajsDecoder.prototype, 'offset')) {
  const positions = new WeakMap<object, number>();
  Object.defineProperty(KafkajsDecoder.prototype, 'offset', {
    configurable: true,
    get(this: { buffer: Buffer }) {
      return positions.get(this) ?? 0;
    },
    set(this: { buffer: Buffer }, value: number) {
      positions.set(this, value);
      furthestRead.set(this.buffer, Math.max(furthestRead.get(this.buffer) ?? 0, value));
    },
  });
}

function requestModule(dir: string, version: number, kind: 'request' | 'response'): Any {
  return require(`kafkajs/src/protocol/requests/${dir}/v${version}/${kind}`);
}

/** Body bytes (no size, no header) of the request kafkajs sends for `dir` at `version`. */
export async function kafkajsRequestBody(dir: string, version: number, args: Any): Promise<Buffer> {
  const request = requestModule(dir, version, 'request')(args);
  expect(request.apiVersion).toBe(version);
  const encoded = await request.encode();
  return Buffer.from(encoded.buffer);
}

/** The whole request frame kafkajs writes to the socket (int32 size, header v1, body). */
export async function kafkajsRequestFrame(dir: string, version: number, args: Any, correlationId: number, clientId: string | null): Promise<Buffer> {
  const frame = require('kafkajs/src/protocol/request');
  const encoded = await frame({ correlationId, clientId, request: requestModule(dir, version, 'request')(args) });
  return Buffer.from(encoded.buffer);
}

/**
 * What kafkajs's connection hands to `response.decode`: the payload after the correlation id
 * (network/connection.js `processData`). Fails unless kafkajs read the body to its last byte.
 */
export async function kafkajsDecode(dir: string, version: number, body: Buffer): Promise<Any> {
  const payload = Buffer.from(body); // a fresh object so the read tracker is per call
  const decoded = await requestModule(dir, version, 'response').decode(payload);
  expect({ consumed: furthestRead.get(payload) ?? 0 }).toEqual({ consumed: payload.length });
  return decoded;
}

/** decode then parse, as kafkajs's request queue does; parse throws kafkajs errors on error codes. */
export async function kafkajsParse(dir: string, version: number, body: Buffer): Promise<Any> {
  const decoded = await kafkajsDecode(dir, version, body);
  return requestModule(dir, version, 'response').parse(decoded);
}

/** Every prefix of a valid body must be rejected as malformed, never read as something else. */
export function expectTruncationsRejected(body: Buffer, decode: (body: Buffer) => unknown, MalformedFrameError: new (message: string) => Error): void {
  for (let length = 0; length < body.length; length++) {
    expect(() => decode(body.subarray(0, length))).toThrow(MalformedFrameError);
  }
}

export const { RecordBatch: kafkajsRecordBatch } = require('kafkajs/src/protocol/recordBatch/v0');
export const kafkajsRecord = require('kafkajs/src/protocol/recordBatch/record/v0');
export const kafkajsRecordBatchDecoder = require('kafkajs/src/protocol/recordBatch/v0/decoder');
export const KafkajsEncoder = require('kafkajs/src/protocol/encoder');
export const kafkajsLong = require('kafkajs/src/utils/long');
