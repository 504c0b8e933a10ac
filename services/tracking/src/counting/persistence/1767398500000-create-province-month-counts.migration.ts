import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A province × month roll-up of the daily counts, kept by the same upsert. A province-year ratio report
 * then sums a few hundred rows instead of the daily table's hundreds of thousands (one row per day and
 * key tuple). Filled here from the daily counts that already exist.
 */
export class CreateProvinceMonthCounts1767398500000 implements MigrationInterface {
  name = 'CreateProvinceMonthCounts1767398500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE counting_province_month_counts (
        basis text NOT NULL,
        metric text NOT NULL,
        month date NOT NULL,
        province_code text NOT NULL,
        procedure_code text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (basis, metric, month, province_code, procedure_code)
      )`);
    await queryRunner.query(`CREATE INDEX counting_province_month_counts_province ON counting_province_month_counts (basis, province_code, month) INCLUDE (metric, procedure_code, value)`);
    await queryRunner.query(`
      INSERT INTO counting_province_month_counts (basis, metric, month, province_code, procedure_code, value)
      SELECT basis, metric, date_trunc('month', day)::date, province_code, procedure_code, SUM(value)
      FROM counting_daily_counts GROUP BY 1, 2, 3, 4, 5 HAVING SUM(value) <> 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS counting_province_month_counts`);
  }
}
