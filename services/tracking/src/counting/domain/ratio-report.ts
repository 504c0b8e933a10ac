import type { Metric } from './contributions';
import type { Period } from './period';
import { average, computeRatio, meetsTarget, perTenThousand, type Ratio } from './ratio';
import type { Scope } from './scope';
import type { RatioTargets } from './targets';
import type { Basis } from './contributions';
import type { UnitMode } from './units';

/** All-channel totals from the agencies' one-stop systems that fall inside the period and scope. */
export interface DenominatorTotals {
  /** false when no import lies inside the period for this scope, or the scope has none (commune, postal point). */
  readonly available: boolean;
  readonly received: number;
  readonly resolved: number;
  /** Procedures with at least one dossier (received or resolved) on any channel. */
  readonly procedures: readonly string[];
  readonly imports: number;
  /** Imports that overlap the period without lying inside it: left out, the report says so. */
  readonly partialImports: number;
}

export interface CountInputs {
  readonly sums: Readonly<Partial<Record<Metric, number>>>;
  /** Distinct procedures with at least one BCCI dossier (intake or return) in the period and scope. */
  readonly bcciProcedures: readonly string[];
  readonly denominators: DenominatorTotals;
}

export type RatioCode = 'R1' | 'R2' | 'R3' | 'R3_REGISTERED';

export interface RatioFigure extends Ratio {
  readonly code: RatioCode;
  readonly name: string;
  readonly target: number;
  readonly pass: boolean | null;
}

export interface IndicatorFigure {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly unit: 'percent' | 'per-10000' | 'per-result' | 'count' | 'vnd';
  readonly numerator?: number;
  readonly denominator?: number;
}

export interface RatioReport {
  readonly period: Period;
  readonly scope: Scope;
  readonly basis: Basis;
  readonly units: UnitMode;
  readonly ratios: readonly RatioFigure[];
  readonly indicators: readonly IndicatorFigure[];
  readonly counts: Readonly<Partial<Record<Metric, number>>>;
  readonly denominators: DenominatorTotals;
}

const sum = (sums: CountInputs['sums'], metric: Metric): number => sums[metric] ?? 0;

/** Pure arithmetic of the three BCCI ratios and the indicators around them (domain.md §6). */
export function buildRatioReport(
  input: CountInputs,
  context: { period: Period; scope: Scope; basis: Basis; units: UnitMode; targets: RatioTargets },
): RatioReport {
  const { sums, denominators } = input;
  const den = (value: number): number | null => (denominators.available ? value : null);
  // A BCCI dossier is a dossier on some channel: the denominator's procedures include the numerator's,
  // so a late or partial import can never push R1 above 100%.
  const allProcedures = new Set([...denominators.procedures, ...input.bcciProcedures]);
  const figure = (code: RatioCode, name: string, ratio: Ratio, target: number): RatioFigure => ({
    code,
    name,
    ...ratio,
    target,
    pass: meetsTarget(ratio, target),
  });
  const ratios: RatioFigure[] = [
    figure('R1', 'Procedures with BCCI dossiers', computeRatio(input.bcciProcedures.length, den(allProcedures.size)), context.targets.R1),
    figure('R2', 'Dossiers received via BCCI', computeRatio(sum(sums, 'bcci-received'), den(denominators.resolved)), context.targets.R2),
    figure('R3', 'Results delivered via BCCI', computeRatio(sum(sums, 'result-delivered'), den(denominators.resolved)), context.targets.R3),
    figure('R3_REGISTERED', 'Results registered for return via BCCI', computeRatio(sum(sums, 'return-registered'), den(denominators.resolved)), context.targets.R3),
  ];
  const share = (code: string, name: string, a: Metric, b: Metric): IndicatorFigure => {
    const ratio = computeRatio(sum(sums, a), sum(sums, b));
    return { code, name, value: ratio.percent, unit: 'percent', numerator: ratio.numerator, denominator: sum(sums, b) };
  };
  const carried = sum(sums, 'items-carried');
  const indicators: IndicatorFigure[] = [
    share('COMPONENTS_DIGITIZED', 'Share of dossier components digitized', 'components-digitized', 'components'),
    share('RESULTS_DIGITIZED', 'Share of results digitized', 'results-digitized', 'results-issued'),
    share('FORWARD_ON_TIME', 'J+n on-time rate, leg to the agency', 'forward-legs-on-time', 'forward-legs-closed'),
    share('RETURN_ON_TIME', 'J+n on-time rate, return leg', 'return-legs-on-time', 'return-legs-closed'),
    { code: 'LOSSES_PER_10000', name: 'Losses per 10,000 items carried', value: perTenThousand(sum(sums, 'losses'), carried), unit: 'per-10000', numerator: sum(sums, 'losses'), denominator: carried },
    { code: 'DAMAGES_PER_10000', name: 'Damages per 10,000 items carried', value: perTenThousand(sum(sums, 'damages'), carried), unit: 'per-10000', numerator: sum(sums, 'damages'), denominator: carried },
    {
      code: 'ATTEMPTS_PER_RESULT',
      name: 'Delivery attempts per result',
      value: average(sum(sums, 'delivery-attempts'), sum(sums, 'returns-closed')),
      unit: 'per-result',
      numerator: sum(sums, 'delivery-attempts'),
      denominator: sum(sums, 'returns-closed'),
    },
    // Not a ratio: a refusal slip is neither a result nor a resolved dossier (domain.md §6).
    { code: 'REFUSAL_SLIPS_DELIVERED', name: 'Refusal slips returned through BCCI', value: sum(sums, 'refusal-slip-delivered'), unit: 'count' },
    { code: 'RETURNED_TO_AGENCY', name: 'Results returned to the agency', value: sum(sums, 'returned-to-agency'), unit: 'count' },
    { code: 'COMPENSATION_VND', name: 'Compensation paid (VND)', value: sum(sums, 'compensation-vnd'), unit: 'vnd' },
  ];
  return { period: context.period, scope: context.scope, basis: context.basis, units: context.units, ratios, indicators, counts: sums, denominators };
}
