import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tracking's read side: the append-only, hash-chained timeline and the projections rebuilt from it
 * (dossier summaries and their search references, clocks), plus the public lookup's failed attempts.
 */
export class CreateTrackingTables1767312000000 implements MigrationInterface {
  name = 'CreateTrackingTables1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE timeline_entries (
        position bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL,
        sequence integer NOT NULL CHECK (sequence >= 1),
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        event_time timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        stage text NOT NULL,
        postal_code text,
        actor_role text,
        national_status smallint,
        payload jsonb NOT NULL,
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        UNIQUE (dossier_id, sequence)
      )`);
    await queryRunner.query(`CREATE INDEX timeline_entries_dossier_time ON timeline_entries (dossier_id, event_time)`);
    // The timeline is append-only: no application path updates or deletes it. The trigger makes an
    // accidental UPDATE/DELETE fail loudly; a deliberate edit by someone with DDL rights is what the
    // hash chain is for.
    await queryRunner.query(`
      CREATE FUNCTION timeline_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('bcci.timeline_maintenance', true) = 'on' THEN
          RETURN COALESCE(NEW, OLD);
        END IF;
        RAISE EXCEPTION 'timeline_entries is append-only (% refused)', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER timeline_entries_append_only BEFORE UPDATE OR DELETE ON timeline_entries
      FOR EACH ROW EXECUTE FUNCTION timeline_entries_append_only()`);
    await queryRunner.query(`
      CREATE TABLE timeline_chain_heads (
        dossier_id uuid PRIMARY KEY,
        sequence integer NOT NULL,
        hash char(64) NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE dossier_summaries (
        dossier_id uuid PRIMARY KEY,
        provisional_dossier_id text,
        dossier_code text,
        procedure_code text,
        intake_postal_code text,
        province_code text,
        agency_id text,
        agency_province_code text,
        service_form text,
        receiving_channel smallint,
        return_postal_code text,
        current_stage text NOT NULL,
        national_status smallint,
        intake_day date,
        registered_at timestamptz,
        filed_at timestamptz,
        result_issued_at timestamptz,
        delivered_at timestamptz,
        withdrawn_at timestamptz,
        first_event_at timestamptz NOT NULL,
        last_event_at timestamptz NOT NULL,
        event_count integer NOT NULL,
        lookup_pin_hash text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX dossier_summaries_province ON dossier_summaries (province_code)`);
    await queryRunner.query(`CREATE INDEX dossier_summaries_agency ON dossier_summaries (agency_id)`);
    await queryRunner.query(`CREATE INDEX dossier_summaries_postal_point ON dossier_summaries (intake_postal_code)`);
    await queryRunner.query(`
      CREATE TABLE dossier_references (
        reference text NOT NULL,
        kind text NOT NULL,
        dossier_id uuid NOT NULL,
        PRIMARY KEY (reference, dossier_id)
      )`);
    await queryRunner.query(`CREATE INDEX dossier_references_dossier ON dossier_references (dossier_id)`);

    await queryRunner.query(`
      CREATE TABLE dossier_clocks (
        dossier_id uuid NOT NULL,
        clock_key text NOT NULL,
        kind text NOT NULL,
        party text NOT NULL,
        leg_id uuid,
        started_at timestamptz,
        working_days integer,
        due_date date,
        phase text NOT NULL,
        paused_at timestamptz,
        restarts integer NOT NULL DEFAULT 0,
        rescheduled boolean NOT NULL DEFAULT false,
        closed_at timestamptz,
        closed_by text,
        status text NOT NULL,
        evaluated_on date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dossier_id, clock_key)
      )`);
    await queryRunner.query(`CREATE INDEX dossier_clocks_open_due ON dossier_clocks (due_date) WHERE phase = 'RUNNING'`);
    await queryRunner.query(`CREATE INDEX dossier_clocks_status ON dossier_clocks (status)`);

    await queryRunner.query(`
      CREATE TABLE lookup_failures (
        id bigserial PRIMARY KEY,
        reference_key text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX lookup_failures_reference ON lookup_failures (reference_key, failed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['lookup_failures', 'dossier_clocks', 'dossier_references', 'dossier_summaries', 'timeline_chain_heads', 'timeline_entries']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS timeline_entries_append_only()`);
  }
}
