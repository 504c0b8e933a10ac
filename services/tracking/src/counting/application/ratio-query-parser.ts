import type { Actor } from '@bcci/auth';
import { ForbiddenError, InvalidInputError, toVietnamDate, systemClock } from '@bcci/kernel';
import type { Basis } from '../domain/contributions';
import { parsePeriod, PeriodFormatError } from '../domain/period';
import { parseScope, ScopeFormatError, type Scope } from '../domain/scope';
import { LAO_CAI_2022_TARGETS, parseTargetPercent } from '../domain/targets';
import type { UnitMode } from '../domain/units';
import type { RatioQuery } from './query-ratios.use-case';

export interface RawRatioQuery {
  period?: string;
  scope?: string;
  basis?: Basis;
  units?: UnitMode;
  targetR1?: string;
  targetR2?: string;
  targetR3?: string;
}

export function currentQuarter(now = systemClock.now()): string {
  const day = toVietnamDate(now);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Turns query parameters into a RatioQuery; a bad value is a 400 with a Vietnamese message. */
export function parseRatioQuery(raw: RawRatioQuery, actor: Actor): RatioQuery {
  let scope: Scope;
  try {
    const period = parsePeriod(raw.period ?? currentQuarter());
    scope = defaultScope(parseScope(raw.scope), actor);
    const targets = {
      R1: parseTargetPercent(raw.targetR1, 'targetR1') ?? LAO_CAI_2022_TARGETS.R1,
      R2: parseTargetPercent(raw.targetR2, 'targetR2') ?? LAO_CAI_2022_TARGETS.R2,
      R3: parseTargetPercent(raw.targetR3, 'targetR3') ?? LAO_CAI_2022_TARGETS.R3,
    };
    return { period, scope, basis: raw.basis ?? 'event', units: raw.units ?? 'as-of-event', targets };
  } catch (error) {
    if (error instanceof PeriodFormatError)
      throw new InvalidInputError({ code: 'ratios.bad-period', message: error.message, messageVi: 'Kỳ báo cáo không hợp lệ (ví dụ: 2026, 2026-Q1, 2026-03, 2026-01-01..2026-03-31)' });
    if (error instanceof ScopeFormatError)
      throw new InvalidInputError({ code: 'ratios.bad-scope', message: error.message, messageVi: 'Phạm vi không hợp lệ (ví dụ: province:15, postal-point:33100)' });
    if (error instanceof RangeError) throw new InvalidInputError({ code: 'ratios.bad-target', message: error.message, messageVi: 'Chỉ tiêu phải là tỷ lệ phần trăm từ 0 đến 100' });
    throw error;
  }
}

/**
 * Operations see their province: `all` becomes their province, another province is refused. Finer
 * scopes (a commune, a point, an agency, a procedure) are allowed and counted within any province,
 * the figures of a point or agency being public statistics without personal data. Auditors see all.
 */
function defaultScope(scope: Scope, actor: Actor): Scope {
  if (actor.role !== 'operations' || !actor.provinceCode) return scope;
  if (scope.kind === 'all') return { kind: 'province', code: actor.provinceCode };
  if (scope.kind === 'province' && scope.code !== actor.provinceCode)
    throw new ForbiddenError({ code: 'ratios.foreign-province', message: `province ${scope.code} is outside your scope`, messageVi: 'Tỉnh ngoài phạm vi được giao' });
  return scope;
}
