import { postalItemCheckDigit, validatePostalItemId } from '@bcci/kernel';
import { RETURN_SERVICE_INDICATOR, returnItemId } from './return-item-id.rule';

describe('the return leg gets a new S10 item id with its check digit', () => {
  it('computes the UPU check digit over the serial (47312482 → 9: Σ = 101, 11 − 101 mod 11 = 9)', () => {
    expect(returnItemId('RR', 47312482)).toBe('RR473124829VN');
  });

  it('maps a check value of 10 to 0 and 11 to 5', () => {
    // 00000001: Σ = 7, c = 4; 00000008: Σ = 56, 56 mod 11 = 1, c = 10 → 0;
    expect(returnItemId(RETURN_SERVICE_INDICATOR, 8)).toBe('EK000000080VN');
    expect(postalItemCheckDigit('00000000')).toBe(5);
    expect(returnItemId(RETURN_SERVICE_INDICATOR, 0)).toBe('EK000000005VN');
  });

  it('every id it builds validates, with the return indicator (never intake’s EB)', () => {
    for (const serial of [1, 99, 12345, 99_999_999]) {
      const id = returnItemId(RETURN_SERVICE_INDICATOR, serial);
      expect(validatePostalItemId(id).ok).toBe(true);
      expect(id.startsWith('EK')).toBe(true);
      expect(id.endsWith('VN')).toBe(true);
    }
  });

  it('a serial outside 8 digits is a programming error', () => {
    expect(() => returnItemId(RETURN_SERVICE_INDICATOR, 100_000_000)).toThrow(RangeError);
  });
});
