import {
  formatPostalItemId,
  generatePostalItemId,
  isPostalItemId,
  parsePostalItemId,
  postalItemCheckDigit,
  validatePostalItemId,
} from './postal-item-id';
import { DomainValidationError } from '../validation/domain-validation.error';

describe('UPU S10 postal item id', () => {
  it.each([
    // UPU S10 example: 4·8+7·6+3·4+1·2+2·3+4·5+8·9+2·7 = 200, 200 mod 11 = 2, 11 − 2 = 9
    ['47312482', 9],
    // Σ = 0 → 11 − 0 = 11 → 5
    ['00000000', 5],
    // 8·7 = 56, 56 mod 11 = 1 → 10 → 0
    ['00000008', 0],
    // 7 → 11 − 7 = 4
    ['00000001', 4],
    // 8+12+12+8+15+30+63+56 = 204, 204 mod 11 = 6 → 5
    ['12345678', 5],
    // 9·8+9·6+9·4+9·2+9·3+9·5+9·9+9·7 = 396 = 36·11 → 11 → 5
    ['99999999', 5],
  ])('check digit of serial %s is %d', (serial, expected) => {
    expect(postalItemCheckDigit(serial)).toBe(expected);
  });

  it('accepts the UPU example and parses its parts', () => {
    expect(parsePostalItemId('RR473124829GB')).toEqual({
      serviceIndicator: 'RR',
      serial: '47312482',
      checkDigit: 9,
      countryCode: 'GB',
    });
  });

  it('normalises case and spaces', () => {
    const result = validatePostalItemId(' rr 473 124 829 vn ');
    expect(result).toEqual({ ok: true, value: 'RR473124829VN' });
  });

  it('rejects a wrong check digit with a developer and a clerk message', () => {
    const result = validatePostalItemId('RR473124828VN');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.code).toBe('postal-item-id.check-digit');
      expect(result.issue.message).toContain('expected 9');
      expect(result.issue.messageVi).toContain('chữ số kiểm tra');
    }
  });

  it.each(['RR47312482GB', 'R1473124829GB', 'RR473124829G', 'RR4731248290GB', ''])('rejects malformed %p', (input) => {
    expect(isPostalItemId(input)).toBe(false);
  });

  it('throws a DomainValidationError from parse', () => {
    expect(() => parsePostalItemId('XX000000000VN')).toThrow(DomainValidationError);
  });

  it('generates ids from a prefix and a serial', () => {
    expect(generatePostalItemId('RR', '47312482', 'GB')).toBe('RR473124829GB');
    expect(generatePostalItemId('ee', 8)).toBe('EE000000080VN');
    expect(generatePostalItemId('RR', 12345678)).toBe('RR123456785VN');
    expect(isPostalItemId(generatePostalItemId('CP', 1))).toBe(true);
  });

  it('refuses bad generator input', () => {
    expect(() => generatePostalItemId('R', 1)).toThrow(RangeError);
    expect(() => generatePostalItemId('RR', 100_000_000)).toThrow(RangeError);
    expect(() => generatePostalItemId('RR', 1.5)).toThrow(RangeError);
  });

  it('formats with the customary grouping', () => {
    expect(formatPostalItemId(generatePostalItemId('RR', '47312482', 'GB'))).toBe('RR 473 124 829 GB');
  });
});
