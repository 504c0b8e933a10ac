import { ApiKey } from './api-keys';
import { Reader } from './reader';

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/** ApiVersions is the only API a client may open with at a flexible version (KIP-511, librdkafka sends v3). */
const FIRST_FLEXIBLE_API_VERSIONS = 3;

/**
 * Reads the request header from a frame positioned just after its int32 size. Header v1 everywhere (the
 * broker never accepts flexible versions), except ApiVersions v3+, whose header v2 adds tagged fields after
 * the (still classic, int16-length) client id: we skip them so we can answer with a v0-format
 * UNSUPPORTED_VERSION listing what we support.
 */
export function decodeRequestHeader(reader: Reader): RequestHeader {
  const apiKey = reader.int16();
  const apiVersion = reader.int16();
  const correlationId = reader.int32();
  const clientId = reader.nullableString();
  if (apiKey === ApiKey.ApiVersions && apiVersion >= FIRST_FLEXIBLE_API_VERSIONS) skipTaggedFields(reader);
  return { apiKey, apiVersion, correlationId, clientId };
}

/** Tagged fields: uvarint count, then per field uvarint tag, uvarint size, bytes. */
export function skipTaggedFields(reader: Reader): void {
  const count = reader.uvarint();
  for (let index = 0; index < count; index++) {
    reader.uvarint();
    reader.raw(reader.uvarint());
  }
}

/**
 * Frames a response body: int32 size, int32 correlation id, body. Always response header v0, including for
 * ApiVersions (whose response header stays v0 at every version so clients can parse it before negotiating).
 */
export function encodeResponseFrame(correlationId: number, body: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(8 + body.length);
  frame.writeInt32BE(4 + body.length, 0);
  frame.writeInt32BE(correlationId, 4);
  body.copy(frame, 8);
  return frame;
}
