import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets housekeeping delete old inbox records by age without scanning the table. */
export class IndexInboxProcessedAt1735689600002 implements MigrationInterface {
  name = 'IndexInboxProcessedAt1735689600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS inbox_processed_at ON inbox (processed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS inbox_processed_at`);
  }
}
