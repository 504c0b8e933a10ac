/**
 * Targets of the Lào Cai 2022 plan (seed 004, section III.3–5): over 50% of procedures with BCCI
 * service, over 5% of dossiers received through BCCI, over 20% of results returned through it. They are
 * defaults only: a province sets its own through the query or the configuration.
 */
export interface RatioTargets {
  readonly R1: number;
  readonly R2: number;
  readonly R3: number;
}

export const LAO_CAI_2022_TARGETS: RatioTargets = { R1: 50, R2: 5, R3: 20 };

export function parseTargetPercent(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(String(value));
  if (!Number.isFinite(number) || number < 0 || number > 100) throw new RangeError(`${name} must be a percentage between 0 and 100`);
  return number;
}
