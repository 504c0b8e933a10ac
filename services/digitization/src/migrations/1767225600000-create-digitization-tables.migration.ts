import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDigitizationTables1767225600000 implements MigrationInterface {
  name = 'CreateDigitizationTables1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE documents (
        content_hash text PRIMARY KEY CHECK (content_hash ~ '^sha256:[0-9a-f]{64}$'),
        document_id uuid NOT NULL UNIQUE,
        media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        page_count integer,
        stored_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE dossier_digitizations (
        dossier_id uuid PRIMARY KEY,
        provisional_dossier_id text NOT NULL,
        procedure_code text NOT NULL,
        intake_day date NOT NULL,
        catalog_version text NOT NULL,
        site_kind text NOT NULL CHECK (site_kind IN ('POSTAL_POINT', 'ONE_STOP_DESK')),
        postal_code text NOT NULL,
        province_code text,
        return_postal_code text,
        registered_at timestamptz NOT NULL,
        correlation_id text,
        status text NOT NULL CHECK (status IN ('OPEN', 'DIGITIZED', 'CLOSED_INCOMPLETE', 'WITHDRAWN')),
        completed_at timestamptz,
        closed_at timestamptz,
        closed_reason text
      )`);
    await queryRunner.query(`CREATE INDEX ix_dossier_digitizations_postal_status ON dossier_digitizations (postal_code, status)`);
    await queryRunner.query(`
      CREATE TABLE digitization_components (
        component_id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier_digitizations (dossier_id) ON DELETE CASCADE,
        component_code text NOT NULL,
        title text NOT NULL,
        position integer NOT NULL,
        originals integer NOT NULL,
        copies integer NOT NULL,
        required boolean NOT NULL,
        certification_required boolean NOT NULL,
        content_hash text REFERENCES documents (content_hash),
        digitized_at timestamptz,
        digitized_by_role text,
        digitized_by_ref text,
        reuse_source_kind text,
        reuse_source_ref text,
        reuse_source_component_code text,
        source_certified boolean NOT NULL DEFAULT false,
        certification_kind text,
        certified_at timestamptz,
        certified_by_role text,
        certified_by_ref text,
        certification_note text,
        CONSTRAINT uq_digitization_components_code UNIQUE (dossier_id, component_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE result_digitizations (
        result_id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL,
        agency_id text NOT NULL,
        medium text NOT NULL CHECK (medium IN ('DIGITAL', 'PAPER')),
        issued_at timestamptz NOT NULL,
        content_hash text REFERENCES documents (content_hash),
        certified boolean NOT NULL DEFAULT false,
        digitized_at timestamptz,
        digitized_by_role text,
        digitized_by_ref text
      )`);
    await queryRunner.query(`CREATE INDEX ix_result_digitizations_dossier ON result_digitizations (dossier_id)`);
    await queryRunner.query(`
      CREATE TABLE document_uses (
        id bigserial PRIMARY KEY,
        content_hash text NOT NULL REFERENCES documents (content_hash),
        dossier_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('COMPONENT_SCAN', 'COMPONENT_REUSE', 'RESULT_SCAN')),
        component_code text,
        result_id uuid,
        actor_role text NOT NULL,
        actor_ref text NOT NULL,
        used_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_document_uses_hash ON document_uses (content_hash)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE document_uses`);
    await queryRunner.query(`DROP TABLE result_digitizations`);
    await queryRunner.query(`DROP TABLE digitization_components`);
    await queryRunner.query(`DROP TABLE dossier_digitizations`);
    await queryRunner.query(`DROP TABLE documents`);
  }
}
