import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The forwarding service's own tables (outbox and inbox come from @bcci/messaging's migrations). */
export class CreateForwardingTables1764000000000 implements MigrationInterface {
  name = 'CreateForwardingTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE postal_legs (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL UNIQUE,
        s10_item_id text NOT NULL UNIQUE,
        provisional_dossier_id text NOT NULL,
        procedure_code text NOT NULL,
        agency_id text NOT NULL,
        competence_date text NOT NULL,
        origin_postal_code text NOT NULL,
        origin_province_code text,
        leg_class text NOT NULL,
        start_day text NOT NULL,
        working_days integer NOT NULL CHECK (working_days >= 0),
        due_date text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'DISPATCHED', 'ARRIVED', 'HANDED_OVER', 'FILED', 'WITHDRAWN')),
        documents_on_slip integer NOT NULL CHECK (documents_on_slip >= 0),
        agency_fees_total bigint NOT NULL CHECK (agency_fees_total >= 0),
        agency_fee_lines jsonb NOT NULL,
        handover_record_id uuid,
        postal_signed_at timestamptz,
        filed_at timestamptz,
        withdrawn_at timestamptz,
        registered_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        catalog_version text NOT NULL,
        correlation_id text NOT NULL
      )`);
    // The operations views: open legs by scope, ordered by due date.
    await queryRunner.query(`CREATE INDEX postal_legs_origin_status_due ON postal_legs (origin_postal_code, status, due_date)`);
    await queryRunner.query(`CREATE INDEX postal_legs_province_status_due ON postal_legs (origin_province_code, status, due_date)`);
    await queryRunner.query(`CREATE INDEX postal_legs_agency_status_due ON postal_legs (agency_id, status, due_date)`);
    await queryRunner.query(`CREATE INDEX postal_legs_status_due ON postal_legs (status, due_date)`);

    await queryRunner.query(`
      CREATE TABLE courier_scans (
        leg_id uuid NOT NULL REFERENCES postal_legs (id),
        kind text NOT NULL CHECK (kind IN ('DISPATCHED', 'ARRIVED', 'HANDED_OVER')),
        dossier_id uuid NOT NULL,
        postal_code text NOT NULL,
        scanned_at timestamptz NOT NULL,
        bag_ref text,
        actor_role text NOT NULL,
        actor_ref text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (leg_id, kind)
      )`);

    await queryRunner.query(`
      CREATE TABLE handover_records (
        id uuid PRIMARY KEY,
        record_number text NOT NULL,
        agency_id text NOT NULL,
        origin_postal_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('AWAITING_AGENCY_SIGNATURE', 'SIGNED')),
        postal_signer_role text NOT NULL,
        postal_signer_ref text NOT NULL,
        postal_signed_at timestamptz NOT NULL,
        agency_signer_name text,
        agency_signer_role text,
        agency_signer_ref text,
        agency_signed_at timestamptz,
        agency_signature_source text CHECK (agency_signature_source IN ('PAPER_RECORD', 'AGENCY_GATEWAY')),
        signed_at timestamptz,
        remittance_method text NOT NULL CHECK (remittance_method IN ('CASH', 'BANK_TRANSFER')),
        created_at timestamptz NOT NULL,
        CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE handover_record_items (
        handover_record_id uuid NOT NULL REFERENCES handover_records (id),
        dossier_id uuid NOT NULL,
        leg_id uuid NOT NULL REFERENCES postal_legs (id),
        documents_counted integer NOT NULL CHECK (documents_counted >= 0),
        PRIMARY KEY (handover_record_id, dossier_id)
      )`);
    // A dossier is handed over once: a second record naming it is refused by the database too.
    await queryRunner.query(`CREATE UNIQUE INDEX handover_record_items_leg ON handover_record_items (leg_id)`);

    await queryRunner.query(`
      CREATE TABLE agency_acknowledgements (
        dossier_id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        acknowledged_at timestamptz NOT NULL,
        signer_role text NOT NULL,
        signer_ref text NOT NULL,
        event_id text NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE fee_remittances (
        id uuid PRIMARY KEY,
        handover_record_id uuid NOT NULL UNIQUE REFERENCES handover_records (id),
        agency_id text NOT NULL,
        total bigint NOT NULL CHECK (total > 0),
        dossier_count integer NOT NULL CHECK (dossier_count > 0),
        method text NOT NULL CHECK (method IN ('CASH', 'BANK_TRANSFER')),
        remitted_at timestamptz NOT NULL,
        dossiers jsonb NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['fee_remittances', 'agency_acknowledgements', 'handover_record_items', 'handover_records', 'courier_scans', 'postal_legs']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
