import { average, computeRatio, meetsTarget, perTenThousand } from './ratio';

describe('ratio arithmetic (a/b × 100%)', () => {
  it('computes a/b × 100 with two decimals', () => {
    expect(computeRatio(1, 3)).toEqual({ numerator: 1, denominator: 3, percent: 33.33, computable: true });
    expect(computeRatio(2, 3).percent).toBe(66.67);
    expect(computeRatio(86, 68339).percent).toBe(0.13);
  });

  it('a zero denominator is not computable, never 0 or NaN', () => {
    const ratio = computeRatio(0, 0);
    expect(ratio.computable).toBe(false);
    expect(ratio.percent).toBeNull();
    expect(ratio.reason).toBe('zero-denominator');
  });

  it('an unknown denominator (no import) is not computable either', () => {
    expect(computeRatio(5, null)).toMatchObject({ computable: false, percent: null, reason: 'no-denominator' });
  });

  it('refuses negative or non-finite inputs', () => {
    expect(() => computeRatio(-1, 10)).toThrow(RangeError);
    expect(() => computeRatio(1, Number.NaN)).toThrow(RangeError);
  });

  it('"trên 50%" means strictly above the target, decided on exact values not rounded ones', () => {
    expect(meetsTarget(computeRatio(1, 2), 50)).toBe(false);
    expect(meetsTarget(computeRatio(501, 1000), 50)).toBe(true);
    // 5.0001% rounds to 5.00 but is above 5%.
    expect(meetsTarget(computeRatio(50001, 1000000), 5)).toBe(true);
    expect(meetsTarget(computeRatio(0, 0), 5)).toBeNull();
  });

  it('rates per 10,000 and averages have no value without a base', () => {
    expect(perTenThousand(3, 20000)).toBe(1.5);
    expect(perTenThousand(3, 0)).toBeNull();
    expect(average(7, 4)).toBe(1.75);
    expect(average(0, 0)).toBeNull();
  });
});
