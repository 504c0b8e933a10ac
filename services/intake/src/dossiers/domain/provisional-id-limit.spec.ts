import { assertWithinDailyLimit } from './provisional-id-limit';

describe('a postal point numbers at most 9,999 dossiers a day (four-digit provisional sequence)', () => {
  it('accepts the 9,999th and refuses the 10,000th with a 422 the clerk can read', () => {
    expect(() => assertWithinDailyLimit(9999, '33100', '2026-03-12')).not.toThrow();
    expect(() => assertWithinDailyLimit(10000, '33100', '2026-03-12')).toThrow(
      expect.objectContaining({ kind: 'rule-violation', code: 'provisional-id.daily-limit', messageVi: expect.stringContaining('9.999') }),
    );
  });
});
