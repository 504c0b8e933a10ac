import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's own tables (the outbox and inbox come from @bcci/messaging's migrations). */
export class CreateAgencyGatewayTables1767225600000 implements MigrationInterface {
  name = 'CreateAgencyGatewayTables1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per dossier: the aggregate as jsonb, with the columns the agency queries filter on.
    await queryRunner.query(`
      CREATE TABLE agency_dossier (
        dossier_id uuid PRIMARY KEY,
        agency_id text,
        status text NOT NULL,
        national_status smallint,
        due_date date,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX agency_dossier_agency_idx ON agency_dossier (agency_id, status)`);

    // Agency commands by commandId (HTTP Idempotency-Key or the Kafka command's commandId): applied once.
    await queryRunner.query(`
      CREATE TABLE agency_command (
        command_id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        dossier_id uuid NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The HTTP feed: every event copied to an agency, in order; the cursor is the sequence number.
    await queryRunner.query(`
      CREATE TABLE agency_feed_entry (
        seq bigserial PRIMARY KEY,
        agency_id text NOT NULL,
        dossier_id uuid NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX agency_feed_entry_agency_idx ON agency_feed_entry (agency_id, seq)`);
    await queryRunner.query(`
      CREATE TABLE agency_feed_cursor (
        agency_id text PRIMARY KEY,
        acked_seq bigint NOT NULL,
        acked_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE agency_webhook (
        agency_id text PRIMARY KEY,
        url text NOT NULL,
        secret text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        agency_id text NOT NULL,
        feed_seq bigint NOT NULL REFERENCES agency_feed_entry (seq),
        event_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency_id, feed_seq)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await queryRunner.query(`
      CREATE TABLE webhook_delivery_attempt (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES webhook_delivery (id),
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        error text
      )`);

    // Claim check audit: every authorised request for an applicant's personal data.
    await queryRunner.query(`
      CREATE TABLE applicant_access_audit (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL,
        agency_id text NOT NULL,
        actor_subject text NOT NULL,
        applicant_ref uuid NOT NULL,
        purpose text,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX applicant_access_audit_dossier_idx ON applicant_access_audit (dossier_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['applicant_access_audit', 'webhook_delivery_attempt', 'webhook_delivery', 'agency_webhook', 'agency_feed_cursor', 'agency_feed_entry', 'agency_command', 'agency_dossier']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
