import { DEFAULT_VND_CEILING, VndAmount } from './vnd-amount';
import { DomainValidationError } from '../validation/domain-validation.error';

describe('VndAmount', () => {
  it.each([
    [0, '0 ₫'],
    [500, '500 ₫'],
    [1_000, '1.000 ₫'],
    [25_000, '25.000 ₫'],
    [1_250_000, '1.250.000 ₫'],
    [DEFAULT_VND_CEILING, '1.000.000.000 ₫'],
  ])('formats %d as %p', (dong, text) => {
    expect(VndAmount.of(dong).format()).toBe(text);
  });

  it.each([
    ['a fraction', 1250.5, 'vnd.not-integer'],
    ['NaN', Number.NaN, 'vnd.not-integer'],
    ['Infinity', Number.POSITIVE_INFINITY, 'vnd.not-integer'],
    ['a negative', -1, 'vnd.negative'],
    ['an absurd amount', DEFAULT_VND_CEILING + 1, 'vnd.too-large'],
  ])('refuses %s', (_why, value, code) => {
    const result = VndAmount.validate(value);
    expect(!result.ok && result.issue.code).toBe(code);
    expect(() => VndAmount.of(value)).toThrow(DomainValidationError);
  });

  it('takes a configurable ceiling', () => {
    expect(VndAmount.validate(600_000, { ceiling: 500_000 }).ok).toBe(false);
    expect(VndAmount.of(2_000_000_000, { ceiling: 5_000_000_000 }).dong).toBe(2_000_000_000);
  });

  it('adds exactly and serialises as an integer', () => {
    const total = VndAmount.sum([VndAmount.of(100_000), VndAmount.of(50_000), VndAmount.of(25_000)]);
    expect(total.equals(VndAmount.of(175_000))).toBe(true);
    expect(JSON.stringify({ fee: total })).toBe('{"fee":175000}');
  });

  it('lets a sum pass the per-amount ceiling', () => {
    expect(VndAmount.of(DEFAULT_VND_CEILING).plus(VndAmount.of(1)).dong).toBe(DEFAULT_VND_CEILING + 1);
  });
});
