import { chooseOutcome, DecisionMixError, formatDecisionMix, owesFees, parseDecisionMix, stableBucket } from './decision-mix';

/** Deterministic UUID-shaped ids, so the distribution checks are reproducible. */
function syntheticIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const hex = i.toString(16).padStart(12, '0');
    return `0b9f6c1e-5d2a-4f3b-9c8e-${hex}`;
  });
}

describe('decision mix', () => {
  it('parses the documented default', () => {
    expect(parseDecisionMix('approve:80,supplement:10,reject:10')).toEqual({ approve: 80, supplement: 10, reject: 10 });
  });

  it('gives a missing outcome a weight of 0 and tolerates spaces', () => {
    expect(parseDecisionMix(' approve : 3 , reject:1 ')).toEqual({ approve: 3, supplement: 0, reject: 1 });
    expect(formatDecisionMix(parseDecisionMix('reject:1'))).toBe('approve:0,supplement:0,reject:1');
  });

  it.each([
    ['approve:80,maybe:20', /unknown outcome "maybe"/],
    ['approve=80', /not outcome:weight/],
    ['approve:-1', /not outcome:weight/],
    ['approve:80,approve:20', /given twice/],
    ['approve:0,reject:0', /above 0/],
    ['', /above 0/],
  ])('refuses %p', (text, message) => {
    expect(() => parseDecisionMix(text)).toThrow(DecisionMixError);
    expect(() => parseDecisionMix(text)).toThrow(message);
  });

  it('chooses the same outcome for the same dossier every time (a restart decides the same)', () => {
    const mix = parseDecisionMix('approve:1,supplement:1,reject:1');
    for (const id of syntheticIds(50)) expect(chooseOutcome(mix, id)).toBe(chooseOutcome(mix, id));
  });

  it('follows the configured shares over many dossiers (within 2 points)', () => {
    const mix = parseDecisionMix('approve:80,supplement:10,reject:10');
    const ids = syntheticIds(20_000);
    const counts = { approve: 0, supplement: 0, reject: 0 };
    for (const id of ids) counts[chooseOutcome(mix, id)]++;
    expect(Math.abs(counts.approve / ids.length - 0.8)).toBeLessThan(0.02);
    expect(Math.abs(counts.supplement / ids.length - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(counts.reject / ids.length - 0.1)).toBeLessThan(0.02);
  });

  it('never chooses an outcome of weight 0', () => {
    const mix = parseDecisionMix('approve:0,supplement:1,reject:0');
    for (const id of syntheticIds(500)) expect(chooseOutcome(mix, id)).toBe('supplement');
  });

  it('owes fees for about the configured share of approvals, none at 0 and all at 100', () => {
    const ids = syntheticIds(10_000);
    const share = ids.filter((id) => owesFees(id, 25)).length / ids.length;
    expect(Math.abs(share - 0.25)).toBeLessThan(0.02);
    expect(ids.some((id) => owesFees(id, 0))).toBe(false);
    expect(ids.every((id) => owesFees(id, 100))).toBe(true);
  });

  it('spreads buckets within range', () => {
    for (const id of syntheticIds(100)) {
      const bucket = stableBucket(id, 7);
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(7);
    }
  });
});
