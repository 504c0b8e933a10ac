import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The documents the agency wants taken back at delivery (from result-issued); none for existing rows. */
export class AddDocumentsToTakeBack1767398400000 implements MigrationInterface {
  name = 'AddDocumentsToTakeBack1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE returns ADD COLUMN documents_to_take_back jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE returns DROP COLUMN documents_to_take_back`);
  }
}
