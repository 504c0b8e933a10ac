import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdempotencyKeysTable1735689600100 implements MigrationInterface {
  name = 'CreateIdempotencyKeysTable1735689600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_fingerprint text,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    // For a purge job: keys only need to outlive the clients' retry window.
    await queryRunner.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
