import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The returns service's own tables (outbox, inbox and idempotency keys come from the kit). */
export class CreateReturnsTables1765000000000 implements MigrationInterface {
  name = 'CreateReturnsTables1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE returns (
        dossier_id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('AWAITING_RESULT', 'AWAITING_REGISTRATION', 'NOT_BY_POST', 'OPEN', 'PICKED_UP', 'ATTEMPTED', 'AT_COUNTER', 'DELIVERED', 'RETURNED_TO_AGENCY', 'LOST')),
        service_form text CHECK (service_form IN ('SEND_DOSSIER', 'RECEIVE_RESULT', 'SEND_AND_RECEIVE')),
        recipient_ref uuid,
        delivery_mode text CHECK (delivery_mode IN ('HOME', 'COUNTER')),
        destination_postal_code text,
        destination_province_code text,
        returned_item text CHECK (returned_item IN ('RESULT', 'REFUSAL_SLIP')),
        result_id uuid,
        agency_id text,
        issued_at timestamptz,
        fees_owed bigint CHECK (fees_owed >= 0),
        leg_id uuid UNIQUE,
        s10_item_id text UNIQUE,
        leg_class text,
        start_day text,
        working_days integer,
        due_date text,
        opened_at timestamptz,
        picked_up_at timestamptz,
        delivered_at timestamptz,
        returned_at timestamptz,
        invitations jsonb NOT NULL DEFAULT '[]',
        last_step_at timestamptz,
        correlation_id text NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((leg_id IS NULL) = (s10_item_id IS NULL))
      )`);
    // Lists of a postal point's returns by status, most urgent first; and by province for operations.
    await queryRunner.query(`CREATE INDEX returns_point_status_due ON returns (destination_postal_code, status, due_date)`);
    await queryRunner.query(`CREATE INDEX returns_province_status_due ON returns (destination_province_code, status, due_date)`);

    await queryRunner.query(`
      CREATE TABLE delivery_attempts (
        dossier_id uuid NOT NULL REFERENCES returns (dossier_id),
        attempt_number integer NOT NULL CHECK (attempt_number >= 1),
        attempted_at timestamptz NOT NULL,
        postal_code text NOT NULL,
        reason_code text NOT NULL,
        cost_borne_by text NOT NULL CHECK (cost_borne_by IN ('POSTAL', 'AGENCY', 'APPLICANT', 'THIRD_PARTY', 'UNDETERMINED')),
        invitation_left boolean NOT NULL,
        note text,
        actor_role text NOT NULL,
        actor_ref text NOT NULL,
        PRIMARY KEY (dossier_id, attempt_number)
      )`);

    await queryRunner.query(`
      CREATE TABLE counter_notices (
        dossier_id uuid NOT NULL REFERENCES returns (dossier_id),
        notice_number integer NOT NULL CHECK (notice_number >= 1),
        channel text NOT NULL,
        sent_at timestamptz NOT NULL,
        hold_until text NOT NULL,
        actor_ref text NOT NULL,
        PRIMARY KEY (dossier_id, notice_number)
      )`);

    await queryRunner.query(`
      CREATE TABLE deliveries (
        dossier_id uuid PRIMARY KEY REFERENCES returns (dossier_id),
        delivered_at timestamptz NOT NULL,
        postal_code text NOT NULL,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('APPLICANT', 'RECIPIENT', 'AUTHORISED_PROXY')),
        identity_document_type text NOT NULL CHECK (identity_document_type IN ('CCCD', 'PASSPORT')),
        authorisation_ref uuid,
        taken_back_documents jsonb NOT NULL,
        fees_collected bigint NOT NULL CHECK (fees_collected >= 0),
        actor_role text NOT NULL,
        actor_ref text NOT NULL,
        CHECK ((recipient_kind = 'AUTHORISED_PROXY') = (authorisation_ref IS NOT NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES returns (dossier_id),
        leg_direction text NOT NULL CHECK (leg_direction IN ('TO_AGENCY', 'TO_RECIPIENT')),
        kind text NOT NULL CHECK (kind IN ('LOSS', 'DAMAGE')),
        affected_item text NOT NULL,
        party_at_fault text NOT NULL CHECK (party_at_fault IN ('POSTAL', 'AGENCY', 'APPLICANT', 'THIRD_PARTY', 'UNDETERMINED')),
        cost bigint NOT NULL CHECK (cost >= 0),
        compensation bigint NOT NULL CHECK (compensation >= 0),
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        postal_code text NOT NULL,
        description text NOT NULL,
        actor_role text NOT NULL,
        actor_ref text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX incidents_dossier ON incidents (dossier_id)`);

    await queryRunner.query(`
      CREATE TABLE postal_item_ranges (
        id serial PRIMARY KEY,
        postal_code text NOT NULL,
        service_indicator text NOT NULL,
        first_serial integer NOT NULL,
        last_serial integer NOT NULL,
        next_serial integer NOT NULL,
        CHECK (first_serial <= last_serial AND next_serial BETWEEN first_serial AND last_serial + 1)
      )`);
    await queryRunner.query(`CREATE INDEX postal_item_ranges_point ON postal_item_ranges (postal_code, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['postal_item_ranges', 'incidents', 'deliveries', 'counter_notices', 'delivery_attempts', 'returns']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
