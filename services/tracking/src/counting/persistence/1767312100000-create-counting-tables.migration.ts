import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counting's tables: the per-dossier facts and the daily counts derived from them (both projections,
 * rebuilt from the timeline), the all-channel denominators imported from one-stop systems (source data,
 * never rebuilt), and the per-minute stage throughput the operations dashboard reads.
 */
export class CreateCountingTables1767312100000 implements MigrationInterface {
  name = 'CreateCountingTables1767312100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE counting_dossier_facts (
        dossier_id uuid PRIMARY KEY,
        fact jsonb NOT NULL,
        stage text,
        stage_event_time timestamptz,
        open boolean NOT NULL DEFAULT true,
        intake_postal_code text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX counting_dossier_facts_open_stage ON counting_dossier_facts (stage, intake_postal_code) WHERE open`);

    // One row per (basis, metric, day, keys): a province-year is at most a few hundred thousand rows
    // whatever the number of dossiers, so the ratio query sums rows, it never counts dossiers.
    await queryRunner.query(`
      CREATE TABLE counting_daily_counts (
        basis text NOT NULL,
        metric text NOT NULL,
        day date NOT NULL,
        province_code text NOT NULL,
        commune_code text NOT NULL,
        postal_code text NOT NULL,
        agency_id text NOT NULL,
        procedure_code text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (basis, metric, day, province_code, commune_code, postal_code, agency_id, procedure_code)
      )`);
    for (const [name, column] of [
      ['province', 'province_code'],
      ['commune', 'commune_code'],
      ['postal_point', 'postal_code'],
      ['agency', 'agency_id'],
      ['procedure', 'procedure_code'],
    ]) {
      await queryRunner.query(
        `CREATE INDEX counting_daily_counts_${name} ON counting_daily_counts (basis, ${column}, day) INCLUDE (metric, procedure_code, value)`,
      );
    }
    await queryRunner.query(`CREATE INDEX counting_daily_counts_day ON counting_daily_counts (basis, day) INCLUDE (metric, procedure_code, value)`);

    await queryRunner.query(`
      CREATE TABLE counting_denominator_imports (
        import_id uuid PRIMARY KEY,
        period_start date NOT NULL,
        period_end date NOT NULL,
        province_code text,
        source text NOT NULL,
        row_count integer NOT NULL,
        imported_at timestamptz NOT NULL,
        actor_ref text NOT NULL,
        replaced_rows integer NOT NULL DEFAULT 0
      )`);
    // A re-import of the same period and agency replaces the earlier rows: at most one row per
    // (period, agency, procedure).
    await queryRunner.query(`
      CREATE TABLE counting_denominator_rows (
        period_start date NOT NULL,
        period_end date NOT NULL,
        agency_id text NOT NULL,
        procedure_code text NOT NULL,
        province_code text NOT NULL,
        import_id uuid NOT NULL REFERENCES counting_denominator_imports (import_id),
        received integer NOT NULL CHECK (received >= 0),
        resolved integer NOT NULL CHECK (resolved >= 0),
        received_in_person integer,
        received_online integer,
        received_bcci integer,
        PRIMARY KEY (period_start, period_end, agency_id, procedure_code)
      )`);
    await queryRunner.query(`CREATE INDEX counting_denominator_rows_period ON counting_denominator_rows (period_start, period_end)`);

    await queryRunner.query(`
      CREATE TABLE operations_stage_minutes (
        minute timestamptz NOT NULL,
        stage text NOT NULL,
        postal_code text NOT NULL,
        events integer NOT NULL,
        PRIMARY KEY (minute, stage, postal_code)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['operations_stage_minutes', 'counting_denominator_rows', 'counting_denominator_imports', 'counting_daily_counts', 'counting_dossier_facts']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
