import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the inbox table; a consuming service lists this class in its migrations. */
export class CreateInboxTable1735689600001 implements MigrationInterface {
  name = 'CreateInboxTable1735689600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        event_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
  }
}
