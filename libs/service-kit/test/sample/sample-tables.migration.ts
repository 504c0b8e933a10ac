import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSampleTables1800000000000 implements MigrationInterface {
  name = 'CreateSampleTables1800000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE sample_withdrawal (dossier_id uuid PRIMARY KEY, postal_code text NOT NULL, reason text NOT NULL)`);
    await queryRunner.query(`CREATE TABLE sample_seen_event (event_id uuid PRIMARY KEY, dossier_id uuid NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sample_seen_event`);
    await queryRunner.query(`DROP TABLE sample_withdrawal`);
  }
}
