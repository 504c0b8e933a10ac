import { ApiKey, SUPPORTED_VERSIONS } from '../api-keys';
import { ErrorCode } from '../error-codes';
import { Reader } from '../reader';
import { Writer } from '../writer';
import {
  decodeApiVersionsRequest,
  encodeApiVersionsResponse,
  encodeUnsupportedApiVersionsResponse,
  supportedApiKeys,
} from './api-versions';
import { kafkajsDecode, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

const keys = [
  { apiKey: 0, minVersion: 3, maxVersion: 7 },
  { apiKey: 18, minVersion: 0, maxVersion: 2 },
];

function encode(version: number, throttleTimeMs = 0, errorCode = 0): Buffer {
  const writer = new Writer();
  encodeApiVersionsResponse(writer, version, { errorCode, apiKeys: keys, throttleTimeMs });
  return writer.toBuffer();
}

describe('ApiVersions', () => {
  it.each([0, 1, 2])('v%i request from kafkajs has an empty body', async (version) => {
    const body = await kafkajsRequestBody('apiVersions', version, undefined);
    expect(body.length).toBe(0);
    expect(decodeApiVersionsRequest(new Reader(body), version)).toEqual({});
  });

  it('v0 response: kafkajs sees the list and no throttle field', async () => {
    const parsed = await kafkajsParse('apiVersions', 0, encode(0));
    expect(parsed).toEqual({ errorCode: 0, apiVersions: keys });
  });

  it('v1 response: throttle time at the end', async () => {
    const parsed = await kafkajsParse('apiVersions', 1, encode(1, 12));
    expect(parsed).toEqual({ errorCode: 0, apiVersions: keys, throttleTime: 12 });
  });

  it('v2 response: kafkajs reads the throttle as client-side throttle', async () => {
    const parsed = await kafkajsParse('apiVersions', 2, encode(2, 7));
    expect(parsed).toEqual({ errorCode: 0, apiVersions: keys, throttleTime: 0, clientSideThrottleTime: 7 });
  });

  it('the oracle itself notices a trailing field kafkajs does not read', async () => {
    await expect(kafkajsDecode('apiVersions', 0, encode(1))).rejects.toThrow(/consumed/);
  });

  it('v0 and v1 bodies differ by exactly the trailing throttle', () => {
    expect(encode(1).length - encode(0).length).toBe(4);
  });

  it('lists every advertised API with its range', async () => {
    const writer = new Writer();
    encodeApiVersionsResponse(writer, 2, { errorCode: 0, apiKeys: supportedApiKeys(), throttleTimeMs: 0 });
    const decoded = await kafkajsDecode('apiVersions', 2, writer.toBuffer());
    expect(decoded.apiVersions).toHaveLength(Object.keys(SUPPORTED_VERSIONS).length);
    expect(decoded.apiVersions).toContainEqual({ apiKey: ApiKey.Fetch, minVersion: 4, maxVersion: 11 });
    expect(decoded.apiVersions).toContainEqual({ apiKey: ApiKey.ApiVersions, minVersion: 0, maxVersion: 2 });
  });

  describe('unsupported version (KIP-511)', () => {
    function unsupportedBody(): Buffer {
      const writer = new Writer();
      encodeUnsupportedApiVersionsResponse(writer);
      return writer.toBuffer();
    }

    it('is a v0-format body: error 35 then the supported list, nothing after', () => {
      const reader = new Reader(unsupportedBody());
      expect(reader.int16()).toBe(ErrorCode.UnsupportedVersion);
      const listed = reader.array((r) => ({ apiKey: r.int16(), minVersion: r.int16(), maxVersion: r.int16() }));
      expect(listed).toEqual(supportedApiKeys());
      expect(reader.remaining).toBe(0);
    });

    it('makes kafkajs fail with UNSUPPORTED_VERSION, its signal to retry lower', async () => {
      await expect(kafkajsDecode('apiVersions', 2, unsupportedBody())).rejects.toMatchObject({ type: 'UNSUPPORTED_VERSION' });
    });
  });

  it('kafkajs rejects a response with an error code', async () => {
    await expect(kafkajsParse('apiVersions', 1, encode(1, 0, ErrorCode.CorruptMessage))).rejects.toMatchObject({ type: 'CORRUPT_MESSAGE' });
  });
});
