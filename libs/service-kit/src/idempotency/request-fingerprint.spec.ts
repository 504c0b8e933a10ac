import { requestFingerprint } from './request-fingerprint';

describe('request fingerprint', () => {
  it('ignores key order and undefined members but not values', () => {
    expect(requestFingerprint({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(requestFingerprint({ a: { d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(requestFingerprint({ a: 1, b: 2 })).toBe(requestFingerprint({ b: 2, a: 1 }));
    expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
    expect(requestFingerprint([1, 2])).not.toBe(requestFingerprint([2, 1]));
  });
});
