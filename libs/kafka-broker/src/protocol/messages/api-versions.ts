import { SUPPORTED_VERSIONS } from '../api-keys';
import { ErrorCode } from '../error-codes';
import { Reader } from '../reader';
import { Writer } from '../writer';

/** ApiVersions v0–2 carry no request fields. v3+ bodies (flexible) are never parsed: see decodeApiVersionsRequest. */
export type ApiVersionsRequest = Record<string, never>;

export interface ApiVersionsResponseKey {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export interface ApiVersionsResponse {
  errorCode: number;
  apiKeys: ApiVersionsResponseKey[];
  /** v1+. */
  throttleTimeMs: number;
}

/**
 * v0–2 bodies are empty. For v3+ the body (compact client software name/version plus tags) is deliberately
 * left unread: whatever it holds, KIP-511 says to answer with the v0-format UNSUPPORTED_VERSION response.
 */
export function decodeApiVersionsRequest(_reader: Reader, _version: number): ApiVersionsRequest {
  return {};
}

export function encodeApiVersionsResponse(writer: Writer, version: number, response: ApiVersionsResponse): void {
  writer.int16(response.errorCode);
  writer.array(response.apiKeys, (w, key) => w.int16(key.apiKey).int16(key.minVersion).int16(key.maxVersion));
  if (version >= 1) writer.int32(response.throttleTimeMs);
}

/** The advertised ranges from SUPPORTED_VERSIONS, ordered by API key. */
export function supportedApiKeys(): ApiVersionsResponseKey[] {
  return Object.entries(SUPPORTED_VERSIONS)
    .map(([apiKey, [minVersion, maxVersion]]) => ({ apiKey: Number(apiKey), minVersion, maxVersion }))
    .sort((a, b) => a.apiKey - b.apiKey);
}

/**
 * Answer to an ApiVersions request at a version we do not support (v3+ from librdkafka/kcat): a v0-format
 * body, error UNSUPPORTED_VERSION plus our list, so the client retries with our highest version (KIP-511).
 */
export function encodeUnsupportedApiVersionsResponse(writer: Writer, apiKeys: ApiVersionsResponseKey[] = supportedApiKeys()): void {
  encodeApiVersionsResponse(writer, 0, { errorCode: ErrorCode.UnsupportedVersion, apiKeys, throttleTimeMs: 0 });
}
