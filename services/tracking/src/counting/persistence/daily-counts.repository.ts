import { writeWithNextStatement } from '@bcci/persistence';
import type { LocalDate } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import type { Basis, Contribution, Metric } from '../domain/contributions';
import type { ScopeKeys } from '../domain/scope';

const KEY_COLUMNS = ['basis', 'metric', 'day', 'province_code', 'commune_code', 'postal_code', 'agency_id', 'procedure_code'] as const;
const TUPLE = `(province_code, commune_code, postal_code, agency_id)`;

export interface CountFilter {
  readonly basis: Basis;
  readonly start: string;
  readonly end: string;
  /** Column = value (as-of-event scopes). */
  readonly column?: 'province_code' | 'commune_code' | 'postal_code' | 'agency_id' | 'procedure_code';
  readonly value?: string;
  /** Exact key tuples (current-units scopes, after re-keying). */
  readonly tuples?: readonly (readonly [string, string, string, string])[];
}

const MONTH_KEY_COLUMNS = ['basis', 'metric', 'month', 'province_code', 'procedure_code'] as const;

function isLastDayOfMonth(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === date;
}

/**
 * The province-month roll-up answers when the period is whole months and the scope is everything, a
 * province or a procedure: the same sums from a few hundred rows instead of one per day and key tuple.
 */
function monthlyAnswers(filter: CountFilter): boolean {
  const wholeMonths = filter.start.endsWith('-01') && isLastDayOfMonth(filter.end);
  const coarseScope = filter.column === undefined || filter.column === 'province_code' || filter.column === 'procedure_code';
  return wholeMonths && coarseScope && !filter.tuples;
}

function monthlyWhere(filter: CountFilter, params: unknown[]): string {
  params.push(filter.basis, filter.start, filter.end);
  let sql = `basis = $1 AND month BETWEEN $2::date AND $3::date`;
  if (filter.column && filter.value !== undefined) {
    params.push(filter.value);
    sql += ` AND ${filter.column} = $${params.length}`;
  }
  return sql;
}

/** The contributions' daily keys (KEY_COLUMNS), one array per column, for unnest. */
function dayKeys(items: readonly Contribution[]): string[][] {
  return [items.map((c) => c.basis), items.map((c) => c.metric), items.map((c) => c.day), items.map((c) => c.provinceCode), items.map((c) => c.communeCode), items.map((c) => c.postalCode), items.map((c) => c.agencyId), items.map((c) => c.procedureCode)];
}

/** The province-month keys (MONTH_KEY_COLUMNS) of contributions folded by byProvinceMonth, one array per column. */
function monthKeys(months: readonly Contribution[]): string[][] {
  return [months.map((c) => c.basis), months.map((c) => c.metric), months.map((c) => c.day), months.map((c) => c.provinceCode), months.map((c) => c.procedureCode)];
}

/** Contributions folded onto province × month keys, so the roll-up moves with the daily counts. */
function byProvinceMonth(items: readonly Contribution[]): Contribution[] {
  const folded = new Map<string, Contribution>();
  for (const item of items) {
    const month = `${item.day.slice(0, 7)}-01`;
    const key = [item.basis, item.metric, month, item.provinceCode, item.procedureCode].join('\u0000');
    const existing = folded.get(key);
    folded.set(key, existing ? { ...existing, value: existing.value + item.value } : { ...item, day: month as LocalDate });
  }
  return [...folded.values()].filter((item) => item.value !== 0);
}

function where(filter: CountFilter, params: unknown[]): string {
  params.push(filter.basis, filter.start, filter.end);
  let sql = `basis = $1 AND day BETWEEN $2::date AND $3::date`;
  if (filter.column && filter.value !== undefined) {
    params.push(filter.value);
    sql += ` AND ${filter.column} = $${params.length}`;
  }
  if (filter.tuples) {
    const columns = [0, 1, 2, 3].map((i) => filter.tuples!.map((t) => t[i]));
    params.push(...columns);
    const n = params.length;
    sql += ` AND ${TUPLE} IN (SELECT * FROM unnest($${n - 3}::text[], $${n - 2}::text[], $${n - 1}::text[], $${n}::text[]))`;
  }
  return sql;
}

/** The pre-aggregated counts: applied as differences by the projection, summed by the ratio query. */
export class DailyCountsRepository {
  /**
   * Adds each contribution's value to its daily row and to its province-month row (creating them), in
   * one statement, then drops the rows that fell to zero. Nobody reads what these statements return, so
   * they go with the transaction's next statement (its COMMIT at the latest) and cost no round trip of
   * their own. Only a row given a contribution of zero or less can end at zero (counts start at zero and
   * only such a contribution lowers one): the DELETE is sent, for those rows alone, when there is one.
   */
  async add(manager: EntityManager, items: readonly Contribution[]): Promise<void> {
    if (items.length === 0) return;
    const months = byProvinceMonth(items);
    await writeWithNextStatement(manager, {
      text: `WITH daily AS (
         INSERT INTO counting_daily_counts (${KEY_COLUMNS.join(', ')}, value)
         SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
         ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET value = counting_daily_counts.value + EXCLUDED.value)
       INSERT INTO counting_province_month_counts (${MONTH_KEY_COLUMNS.join(', ')}, value)
       SELECT * FROM unnest($10::text[], $11::text[], $12::date[], $13::text[], $14::text[], $15::bigint[])
       ON CONFLICT (${MONTH_KEY_COLUMNS.join(', ')}) DO UPDATE SET value = counting_province_month_counts.value + EXCLUDED.value`,
      values: [...dayKeys(items), items.map((c) => String(c.value)), ...monthKeys(months), months.map((c) => String(c.value))],
    });
    const loweredDays = items.filter((c) => c.value <= 0);
    if (loweredDays.length > 0) {
      await writeWithNextStatement(manager, {
        text: `DELETE FROM counting_daily_counts WHERE value = 0 AND (${KEY_COLUMNS.join(', ')}) IN (
           SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]))`,
        values: dayKeys(loweredDays),
      });
    }
    const loweredMonths = months.filter((c) => c.value <= 0);
    if (loweredMonths.length > 0) {
      await writeWithNextStatement(manager, {
        text: `DELETE FROM counting_province_month_counts WHERE value = 0 AND (${MONTH_KEY_COLUMNS.join(', ')}) IN (
           SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]))`,
        values: monthKeys(loweredMonths),
      });
    }
  }

  async sums(manager: EntityManager, filter: CountFilter): Promise<Partial<Record<Metric, number>>> {
    const params: unknown[] = [];
    const monthly = monthlyAnswers(filter);
    const source = monthly ? 'counting_province_month_counts' : 'counting_daily_counts';
    const condition = monthly ? monthlyWhere(filter, params) : where(filter, params);
    const rows: { metric: Metric; total: string }[] = await manager.query(
      `SELECT metric, SUM(value)::text AS total FROM ${source} WHERE ${condition} GROUP BY metric`,
      params,
    );
    return Object.fromEntries(rows.map((row) => [row.metric, Number(row.total)]));
  }

  /** Procedures with at least one BCCI dossier (received, or registered for return) in the filter. */
  async bcciProcedures(manager: EntityManager, filter: CountFilter): Promise<string[]> {
    const params: unknown[] = [];
    const monthly = monthlyAnswers(filter);
    const source = monthly ? 'counting_province_month_counts' : 'counting_daily_counts';
    const condition = monthly ? monthlyWhere(filter, params) : where(filter, params);
    const rows: { procedure_code: string }[] = await manager.query(
      `SELECT procedure_code FROM ${source}
       WHERE ${condition} AND metric IN ('bcci-received', 'return-registered') AND procedure_code <> ''
       GROUP BY procedure_code HAVING SUM(value) > 0 ORDER BY procedure_code`,
      params,
    );
    return rows.map((row) => row.procedure_code);
  }

  /** Distinct key tuples of a period with their first day (to re-key onto today's units). */
  async keyTuples(manager: EntityManager, filter: CountFilter): Promise<{ keys: ScopeKeys; firstDay: string }[]> {
    const params: unknown[] = [];
    const rows: Record<string, string>[] = await manager.query(
      `SELECT province_code, commune_code, postal_code, agency_id, MIN(day)::text AS first_day
       FROM counting_daily_counts WHERE ${where(filter, params)} GROUP BY ${TUPLE.slice(1, -1)}`,
      params,
    );
    return rows.map((row) => ({
      keys: { provinceCode: row.province_code, communeCode: row.commune_code, postalCode: row.postal_code, agencyId: row.agency_id, procedureCode: '' },
      firstDay: row.first_day,
    }));
  }

  /** Per postal point sums of some metrics (the dashboard's table). */
  async sumsByPostalPoint(manager: EntityManager, filter: CountFilter, metrics: readonly Metric[]): Promise<{ postalCode: string; metric: Metric; total: number }[]> {
    const params: unknown[] = [];
    const sql = where(filter, params);
    params.push(metrics);
    const rows: { postal_code: string; metric: Metric; total: string }[] = await manager.query(
      `SELECT postal_code, metric, SUM(value)::text AS total FROM counting_daily_counts
       WHERE ${sql} AND metric = ANY($${params.length}::text[]) GROUP BY postal_code, metric`,
      params,
    );
    return rows.map((row) => ({ postalCode: row.postal_code, metric: row.metric, total: Number(row.total) }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE counting_daily_counts, counting_province_month_counts`);
  }
}
