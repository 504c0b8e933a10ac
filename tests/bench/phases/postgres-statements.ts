import { Client } from 'pg';

const HINT = 'PostgreSQL time by statement: not measured (BCCI_POSTGRES_SETTINGS=shared_preload_libraries=pg_stat_statements npm run bench … measures it)';

/**
 * Where PostgreSQL's own time goes, from pg_stat_statements when the embedded server loaded it
 * (BCCI_POSTGRES_SETTINGS): reset when a phase starts, read when it ends, divided per unit of work.
 */
export class PostgresStatements {
  private constructor(
    private readonly client: Client,
    private readonly top: number,
  ) {}

  /** Undefined when pg_stat_statements is not loaded (the phase prints how to load it). */
  static async open(adminUrl: string): Promise<PostgresStatements | undefined> {
    // Read first: a mistyped BENCH_PG_TOP stops the phase before it runs, not after.
    const top = statementsToShow(process.env.BENCH_PG_TOP);
    const client = new Client({ connectionString: adminUrl, application_name: 'bcci-bench-statements' });
    await client.connect();
    const { rows } = await client.query<{ libraries: string }>(`SELECT current_setting('shared_preload_libraries') AS libraries`);
    if (!rows[0]!.libraries.includes('pg_stat_statements')) {
      await client.end();
      return undefined;
    }
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
    return new PostgresStatements(client, top);
  }

  static readonly notMeasured = HINT;

  /**
   * Lines: PostgreSQL's time per unit by database, then the `top` statements by time per unit (with the
   * time planning them, and the rows each returned or wrote, per unit). BENCH_PG_TOP sets `top`.
   */
  async report(units: number, top = this.top): Promise<string[]> {
    const perUnit = (value: number) => (value / units).toFixed(2);
    const byDatabase = await this.client.query<{ datname: string; ms: number; planMs: number; calls: string }>(
      `SELECT d.datname, sum(s.total_exec_time + s.total_plan_time)::float8 AS ms, sum(s.total_plan_time)::float8 AS "planMs", sum(s.calls)::text AS calls
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE 'bcci\\_%'
       GROUP BY d.datname ORDER BY ms DESC`,
    );
    const statements = await this.client.query<{ datname: string; query: string; ms: number; planMs: number; calls: string; rows: string }>(
      `SELECT d.datname, s.query, (s.total_exec_time + s.total_plan_time)::float8 AS ms, s.total_plan_time::float8 AS "planMs", s.calls::text AS calls, s.rows::text AS rows
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE 'bcci\\_%'
       ORDER BY ms DESC LIMIT $1`,
      [top],
    );
    return [
      `PostgreSQL time per dossier (planning + execution, ms; of which planning, counted with pg_stat_statements.track_planning=on; statements): ${byDatabase.rows
        .map((row) => `${row.datname.replace(/^bcci_/, '')} ${perUnit(row.ms)} (${perUnit(row.planMs)}; ${perUnit(Number(row.calls))})`)
        .join(', ')}`,
      ...statements.rows.map(
        (row) => `  ${perUnit(row.ms).padStart(6)} ms (${perUnit(row.planMs)}) ${perUnit(Number(row.calls)).padStart(6)} calls ${perUnit(Number(row.rows)).padStart(7)} rows  ${row.datname.replace(/^bcci_/, '').padEnd(14)} ${row.query.replace(/\s+/g, ' ').slice(0, 110)}`,
      ),
    ];
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** BENCH_PG_TOP: how many statements the report lists (default 12); anything but a positive whole number is refused by name. */
function statementsToShow(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return 12;
  const top = Number(setting);
  if (!Number.isSafeInteger(top) || top < 1) throw new Error(`BENCH_PG_TOP must be a positive whole number (how many statements to list), not "${setting}"`);
  return top;
}
