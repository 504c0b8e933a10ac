import { parsePeriod } from './period';
import { buildRatioReport, type CountInputs } from './ratio-report';
import { parseScope } from './scope';
import { LAO_CAI_2022_TARGETS } from './targets';

const context = { period: parsePeriod('2026-Q1'), scope: parseScope('province:15'), basis: 'event' as const, units: 'as-of-event' as const, targets: LAO_CAI_2022_TARGETS };
const input = (over: Partial<CountInputs> = {}): CountInputs => ({
  sums: { 'bcci-received': 86, 'result-delivered': 300, 'return-registered': 420, components: 100, 'components-digitized': 97 },
  bcciProcedures: ['2.000488', '1.002804'],
  denominators: { available: true, received: 70000, resolved: 1000, procedures: ['2.000488', '1.002804', '1.003822'], imports: 1, partialImports: 0 },
  ...over,
});

describe('the BCCI ratio report', () => {
  it('divides BCCI counts by the all-channel totals and checks each target', () => {
    const report = buildRatioReport(input(), context);
    const [r1, r2, r3, r3r] = report.ratios;
    expect(r1).toMatchObject({ code: 'R1', numerator: 2, denominator: 3, percent: 66.67, target: 50, pass: true });
    expect(r2).toMatchObject({ code: 'R2', numerator: 86, denominator: 1000, percent: 8.6, target: 5, pass: true });
    expect(r3).toMatchObject({ code: 'R3', numerator: 300, denominator: 1000, percent: 30, pass: true });
    expect(r3r).toMatchObject({ code: 'R3_REGISTERED', numerator: 420, percent: 42 });
    expect(report.indicators.find((i) => i.code === 'COMPONENTS_DIGITIZED')?.value).toBe(97);
  });

  it('R1 counts a BCCI procedure missing from the import in the denominator too (never above 100%)', () => {
    const report = buildRatioReport(input({ bcciProcedures: ['2.000488', '9.999999'] }), context);
    expect(report.ratios[0]).toMatchObject({ numerator: 2, denominator: 4, percent: 50, pass: false });
  });

  it('without an import every ratio is not computable, never 0%', () => {
    const report = buildRatioReport(input({ denominators: { available: false, received: 0, resolved: 0, procedures: [], imports: 0, partialImports: 0 } }), context);
    for (const ratio of report.ratios) expect(ratio).toMatchObject({ computable: false, percent: null, pass: null, reason: 'no-denominator' });
  });

  it('zero resolved dossiers makes R2 and R3 not computable', () => {
    const report = buildRatioReport(input({ denominators: { available: true, received: 5, resolved: 0, procedures: ['2.000488'], imports: 1, partialImports: 0 } }), context);
    expect(report.ratios[1]).toMatchObject({ computable: false, reason: 'zero-denominator' });
    expect(report.ratios[0].computable).toBe(true);
  });

  it('reports refusal slips delivered as their own figure, outside R3', () => {
    const report = buildRatioReport(input({ sums: { ...input().sums, 'refusal-slip-delivered': 7 } }), context);
    expect(report.ratios.find((r) => r.code === 'R3')).toMatchObject({ numerator: 300, denominator: 1000 });
    expect(report.indicators.find((i) => i.code === 'REFUSAL_SLIPS_DELIVERED')).toMatchObject({ value: 7, unit: 'count' });
  });

  it('uses the targets it is given', () => {
    const report = buildRatioReport(input(), { ...context, targets: { R1: 70, R2: 10, R3: 20 } });
    expect(report.ratios.map((r) => r.pass)).toEqual([false, false, true, true]);
  });
});
