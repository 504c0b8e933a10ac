import { assertFeesCollected } from './fees-on-delivery.rule';

describe('fees on delivery must match what the result says is owed (TT 17/2017 Đ5.2.e)', () => {
  it('accepts exactly the amount owed', () => {
    expect(() => assertFeesCollected(150_000, 150_000)).not.toThrow();
    expect(() => assertFeesCollected(0, 0)).not.toThrow();
  });

  it('refuses a partial payment (422)', () => {
    expect(() => assertFeesCollected(150_000, 100_000)).toThrow(
      expect.objectContaining({ kind: 'rule-violation', code: 'returns.fees-mismatch', details: { owed: 150_000, collected: 100_000 } }),
    );
  });

  it('refuses collecting when nothing is owed', () => {
    expect(() => assertFeesCollected(0, 20_000)).toThrow(expect.objectContaining({ code: 'returns.fees-mismatch' }));
  });

  it('refuses a fractional amount: VND are whole', () => {
    expect(() => assertFeesCollected(150_000, 150_000.5)).toThrow(expect.objectContaining({ code: 'returns.fees-mismatch' }));
  });
});
