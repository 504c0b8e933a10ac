import { generateLookupPin, lookupPinHash } from './lookup-pin';

describe('lookup PIN', () => {
  it('is six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(generateLookupPin()).toMatch(/^\d{6}$/);
  });

  it('hashes as the contract defines: SHA-256 of "<dossierId>:<pin>", lower-case hex', () => {
    // Vector computed independently with sha256sum.
    expect(lookupPinHash('3f1c2b7e-0a4d-4c56-9e8f-1b2c3d4e5f60', '000123')).toBe('e66a337e85720a1865f506ee11978c7970db463da45c1fa66c4c36e472577ca2');
    expect(lookupPinHash('d1', '123456')).not.toBe(lookupPinHash('d2', '123456'));
  });
});
