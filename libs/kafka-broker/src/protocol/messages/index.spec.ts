import { ApiKey, SUPPORTED_VERSIONS } from '../api-keys';
import * as codecs from './index';

describe('messages index', () => {
  // The server dispatches by API key; every advertised API needs both halves of its codec exported.
  it.each(Object.keys(SUPPORTED_VERSIONS).map((key) => ApiKey[Number(key)]))('exports decode%sRequest and its response encoder', (name) => {
    const exported = codecs as unknown as Record<string, unknown>;
    expect(typeof exported[`decode${name}Request`]).toBe('function');
    expect(typeof exported[`encode${name}Response`]).toBe('function');
  });
});
