import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The intake schema: dossiers, blind-index search tokens, id sequences and the personal-data read audit (idempotency keys come from the service kit). */
export class CreateIntakeTables1767225600000 implements MigrationInterface {
  name = 'CreateIntakeTables1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dossiers (
        id uuid PRIMARY KEY,
        provisional_dossier_id text NOT NULL UNIQUE,
        dossier_code text,
        postal_item_id text UNIQUE,
        postal_code text NOT NULL,
        service_form smallint NOT NULL CHECK (service_form IN (1, 2, 3)),
        receiving_channel smallint NOT NULL,
        procedure_code text NOT NULL,
        procedure_name text NOT NULL,
        agency_id text NOT NULL,
        agency_name text NOT NULL,
        catalog_version text NOT NULL,
        components jsonb NOT NULL,
        agency_fee integer NOT NULL CHECK (agency_fee >= 0),
        agency_fee_payment_method text,
        postage_forward_leg integer NOT NULL CHECK (postage_forward_leg >= 0),
        postage_return_leg integer NOT NULL CHECK (postage_return_leg >= 0),
        postage_payment_method text,
        seal_number text,
        intake_day date NOT NULL,
        received_at timestamptz NOT NULL,
        postal_deadline jsonb,
        return_delivery_mode text,
        return_postal_code text,
        status text NOT NULL DEFAULT 'REGISTERED',
        dispatched_at timestamptz,
        withdrawn_at timestamptz,
        withdrawal_reason_code text,
        withdrawal_reason text,
        clerk_ref text NOT NULL,
        clerk_name text NOT NULL,
        applicant_ref uuid NOT NULL,
        recipient_ref uuid,
        identity_document_kind text NOT NULL,
        identity_number_masked text NOT NULL,
        phone_masked text NOT NULL,
        pii_key_id text NOT NULL,
        pii_ciphertext bytea NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX dossiers_postal_code_received_at ON dossiers (postal_code, received_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX dossiers_dossier_code ON dossiers (dossier_code)`);
    await queryRunner.query(`
      CREATE TABLE dossier_search_tokens (
        dossier_id uuid NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
        postal_code text NOT NULL,
        kind text NOT NULL,
        token text NOT NULL,
        PRIMARY KEY (dossier_id, kind, token)
      )`);
    await queryRunner.query(`CREATE INDEX dossier_search_tokens_lookup ON dossier_search_tokens (postal_code, kind, token)`);
    await queryRunner.query(`
      CREATE TABLE postal_item_ranges (
        id serial PRIMARY KEY,
        postal_code text NOT NULL,
        service_indicator text NOT NULL,
        first_serial integer NOT NULL,
        last_serial integer NOT NULL,
        next_serial integer NOT NULL,
        CHECK (first_serial >= 0 AND last_serial <= 99999999 AND first_serial <= last_serial)
      )`);
    await queryRunner.query(`CREATE INDEX postal_item_ranges_point ON postal_item_ranges (postal_code, id)`);
    await queryRunner.query(`
      CREATE TABLE provisional_id_sequences (
        postal_code text NOT NULL,
        received_on date NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (postal_code, received_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE personal_data_reads (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossiers(id),
        actor_ref text NOT NULL,
        actor_role text NOT NULL,
        purpose text NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX personal_data_reads_dossier ON personal_data_reads (dossier_id, read_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['personal_data_reads', 'provisional_id_sequences', 'postal_item_ranges', 'dossier_search_tokens', 'dossiers']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
