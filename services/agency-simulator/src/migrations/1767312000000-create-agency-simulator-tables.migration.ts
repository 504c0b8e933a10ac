import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The simulator's state table (outbox, inbox, idempotency keys come from the libraries' migrations). */
export class CreateAgencySimulatorTables1767312000000 implements MigrationInterface {
  name = 'CreateAgencySimulatorTables1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE simulated_dossiers (
        dossier_id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        step text NOT NULL CHECK (step IN ('HANDOVER_SIGNED', 'ACKNOWLEDGED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_COMPLETED', 'RESULT_ISSUED', 'REJECTED')),
        service_form text NOT NULL,
        component_codes jsonb NOT NULL,
        decide_at timestamptz,
        pending_commands jsonb NOT NULL DEFAULT '[]'::jsonb,
        last_error text,
        updated_at timestamptz NOT NULL
      )`);
    // The scheduler's two scans: decisions that fall due, HTTP calls still to make.
    await queryRunner.query(`CREATE INDEX simulated_dossiers_due ON simulated_dossiers (decide_at) WHERE decide_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX simulated_dossiers_pending ON simulated_dossiers (updated_at) WHERE pending_commands <> '[]'::jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE simulated_dossiers`);
  }
}
