import type { SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { DossierSummary } from '../domain/dossier-summary';

/** A stored summary, as readers get it (scope columns included). */
export interface StoredDossierSummary {
  dossierId: string;
  provisionalDossierId: string | null;
  dossierCode: string | null;
  procedureCode: string | null;
  intakePostalCode: string | null;
  provinceCode: string | null;
  agencyId: string | null;
  agencyProvinceCode: string | null;
  serviceForm: string | null;
  receivingChannel: number | null;
  returnPostalCode: string | null;
  currentStage: string;
  nationalStatus: number | null;
  intakeDay: string | null;
  registeredAt: string | null;
  filedAt: string | null;
  resultIssuedAt: string | null;
  deliveredAt: string | null;
  withdrawnAt: string | null;
  firstEventAt: string;
  lastEventAt: string;
  eventCount: number;
  s10ItemIds: string[];
}

/** Who may see what: the filter a reader's scope puts on summaries (undefined = everything). */
export interface SummaryScope {
  postalCode?: string;
  agencyId?: string;
  provinceCode?: string;
}

const SELECT = `SELECT s.dossier_id, s.provisional_dossier_id, s.dossier_code, s.procedure_code, s.intake_postal_code, s.province_code, s.agency_id,
  s.agency_province_code, s.service_form, s.receiving_channel, s.return_postal_code, s.current_stage, s.national_status, s.intake_day::text AS intake_day,
  s.registered_at, s.filed_at, s.result_issued_at, s.delivered_at, s.withdrawn_at, s.first_event_at, s.last_event_at, s.event_count,
  COALESCE((SELECT array_agg(r.reference ORDER BY r.reference) FROM dossier_references r WHERE r.dossier_id = s.dossier_id AND r.kind = 'S10_ITEM'), '{}') AS s10_item_ids
  FROM dossier_summaries s`;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

function toStored(row: Record<string, unknown>): StoredDossierSummary {
  return {
    dossierId: row.dossier_id as string,
    provisionalDossierId: row.provisional_dossier_id as string | null,
    dossierCode: row.dossier_code as string | null,
    procedureCode: row.procedure_code as string | null,
    intakePostalCode: row.intake_postal_code as string | null,
    provinceCode: row.province_code as string | null,
    agencyId: row.agency_id as string | null,
    agencyProvinceCode: row.agency_province_code as string | null,
    serviceForm: row.service_form as string | null,
    receivingChannel: row.receiving_channel as number | null,
    returnPostalCode: row.return_postal_code as string | null,
    currentStage: row.current_stage as string,
    nationalStatus: row.national_status as number | null,
    intakeDay: row.intake_day as string | null,
    registeredAt: iso(row.registered_at as Date | null),
    filedAt: iso(row.filed_at as Date | null),
    resultIssuedAt: iso(row.result_issued_at as Date | null),
    deliveredAt: iso(row.delivered_at as Date | null),
    withdrawnAt: iso(row.withdrawn_at as Date | null),
    firstEventAt: iso(row.first_event_at as Date)!,
    lastEventAt: iso(row.last_event_at as Date)!,
    eventCount: row.event_count as number,
    s10ItemIds: row.s10_item_ids as string[],
  };
}

/**
 * SQL for a scope: a postal point sees dossiers taken in or returned there; an agency its own; a
 * province the dossiers taken in there or handled by one of its agencies. Returns the condition and
 * appends its parameters.
 */
export function scopeCondition(scope: SummaryScope | undefined, parameters: unknown[]): string {
  if (!scope) return 'true';
  const conditions: string[] = [];
  if (scope.postalCode) {
    parameters.push(scope.postalCode);
    conditions.push(`(s.intake_postal_code = $${parameters.length} OR s.return_postal_code = $${parameters.length})`);
  }
  if (scope.agencyId) {
    parameters.push(scope.agencyId);
    conditions.push(`s.agency_id = $${parameters.length}`);
  }
  if (scope.provinceCode) {
    parameters.push(scope.provinceCode);
    conditions.push(`(s.province_code = $${parameters.length} OR s.agency_province_code = $${parameters.length})`);
  }
  return conditions.length === 0 ? 'false' : conditions.join(' AND ');
}

/** Where the dossier's places are, by the catalog in force on its intake day. */
export interface SummaryPlaces {
  readonly provinceCode?: string;
  readonly agencyProvinceCode?: string;
}

export class DossierSummaryRepository {
  async save(manager: EntityManager, summary: DossierSummary, scope: SummaryPlaces): Promise<void> {
    const statement = this.saveStatement([{ summary, places: scope }]);
    await manager.query(statement.text, [...statement.values]);
  }

  /**
   * The summaries' writes as one statement, whatever their number (its text does not change, so it is
   * prepared once): each summary and its search references, the references no longer carried deleted,
   * the new ones added. The live recorder sends it with the run's other writes.
   */
  saveStatement(saved: ReadonlyArray<{ summary: DossierSummary; places: SummaryPlaces }>): SqlStatement {
    const column = <T>(pick: (item: { summary: DossierSummary; places: SummaryPlaces }) => T) => saved.map(pick);
    // A reference is stored once per dossier (the first kind found for it, as the summary lists them).
    const references = saved.flatMap(({ summary }) => {
      const firstOfEach = new Map<string, DossierSummary['references'][number]>();
      for (const reference of summary.references) if (!firstOfEach.has(reference.reference)) firstOfEach.set(reference.reference, reference);
      return [...firstOfEach.values()].map((reference) => ({ ...reference, dossierId: summary.dossierId }));
    });
    return {
      text: `WITH saved AS (
       INSERT INTO dossier_summaries (dossier_id, provisional_dossier_id, dossier_code, procedure_code, intake_postal_code, province_code, agency_id,
         agency_province_code, service_form, receiving_channel, return_postal_code, current_stage, national_status, intake_day, registered_at, filed_at,
         result_issued_at, delivered_at, withdrawn_at, first_event_at, last_event_at, event_count, lookup_pin_hash, updated_at)
       SELECT *, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::smallint[],
         $11::text[], $12::text[], $13::smallint[], $14::date[], $15::timestamptz[], $16::timestamptz[], $17::timestamptz[], $18::timestamptz[],
         $19::timestamptz[], $20::timestamptz[], $21::timestamptz[], $22::int[], $23::text[])
       ON CONFLICT (dossier_id) DO UPDATE SET provisional_dossier_id = EXCLUDED.provisional_dossier_id, dossier_code = EXCLUDED.dossier_code,
         procedure_code = EXCLUDED.procedure_code, intake_postal_code = EXCLUDED.intake_postal_code, province_code = EXCLUDED.province_code,
         agency_id = EXCLUDED.agency_id, agency_province_code = EXCLUDED.agency_province_code, service_form = EXCLUDED.service_form,
         receiving_channel = EXCLUDED.receiving_channel, return_postal_code = EXCLUDED.return_postal_code, current_stage = EXCLUDED.current_stage,
         national_status = EXCLUDED.national_status, intake_day = EXCLUDED.intake_day, registered_at = EXCLUDED.registered_at,
         filed_at = EXCLUDED.filed_at, result_issued_at = EXCLUDED.result_issued_at, delivered_at = EXCLUDED.delivered_at,
         withdrawn_at = EXCLUDED.withdrawn_at, first_event_at = EXCLUDED.first_event_at, last_event_at = EXCLUDED.last_event_at,
         event_count = EXCLUDED.event_count, lookup_pin_hash = EXCLUDED.lookup_pin_hash, updated_at = now()
       RETURNING dossier_id),
       stale_references AS (
         DELETE FROM dossier_references WHERE dossier_id = ANY($1::uuid[])
           AND (dossier_id, reference) NOT IN (SELECT * FROM unnest($24::uuid[], $25::text[])))
       INSERT INTO dossier_references (reference, kind, dossier_id)
       SELECT r.reference, r.kind, r.dossier_id FROM unnest($24::uuid[], $25::text[], $26::text[]) AS r(dossier_id, reference, kind)
       WHERE r.dossier_id IN (SELECT dossier_id FROM saved)
       ON CONFLICT (reference, dossier_id) DO UPDATE SET kind = EXCLUDED.kind WHERE dossier_references.kind <> EXCLUDED.kind`,
      values: [
        column(({ summary }) => summary.dossierId),
        column(({ summary }) => summary.provisionalDossierId ?? null),
        column(({ summary }) => summary.dossierCode ?? null),
        column(({ summary }) => summary.procedureCode ?? null),
        column(({ summary }) => summary.intakePostalCode ?? null),
        column(({ summary, places }) => summary.provinceCode ?? places.provinceCode ?? null),
        column(({ summary }) => summary.agencyId ?? null),
        column(({ places }) => places.agencyProvinceCode ?? null),
        column(({ summary }) => summary.serviceForm ?? null),
        column(({ summary }) => summary.receivingChannel ?? null),
        column(({ summary }) => summary.returnPostalCode ?? null),
        column(({ summary }) => summary.currentStage),
        column(({ summary }) => summary.nationalStatus ?? null),
        column(({ summary }) => summary.intakeDay ?? null),
        column(({ summary }) => summary.registeredAt ?? null),
        column(({ summary }) => summary.filedAt ?? null),
        column(({ summary }) => summary.resultIssuedAt ?? null),
        column(({ summary }) => summary.deliveredAt ?? null),
        column(({ summary }) => summary.withdrawnAt ?? null),
        column(({ summary }) => summary.firstEventAt),
        column(({ summary }) => summary.lastEventAt),
        column(({ summary }) => summary.eventCount),
        column(({ summary }) => summary.lookupPinHash ?? null),
        references.map((r) => r.dossierId),
        references.map((r) => r.reference),
        references.map((r) => r.kind),
      ],
    };
  }

  async deleteAll(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM dossier_references`);
    await manager.query(`DELETE FROM dossier_summaries`);
  }

  async find(manager: EntityManager, dossierId: string): Promise<StoredDossierSummary | undefined> {
    const rows: Array<Record<string, unknown>> = await manager.query(`${SELECT} WHERE s.dossier_id = $1`, [dossierId]);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  /** Dossiers carrying this exact reference (provisional id, dossier code or S10 id), within the scope. */
  async findByReference(manager: EntityManager, reference: string, scope: SummaryScope | undefined, limit: number): Promise<StoredDossierSummary[]> {
    const parameters: unknown[] = [reference];
    const condition = scopeCondition(scope, parameters);
    parameters.push(limit);
    const rows: Array<Record<string, unknown>> = await manager.query(
      `${SELECT} WHERE s.dossier_id IN (SELECT dossier_id FROM dossier_references WHERE reference = $1) AND ${condition}
       ORDER BY s.last_event_at DESC LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toStored);
  }

  /** Dossiers whose national status is now `nationalStatus` (e.g. 5, supplement requested), within the scope, the longest waiting first. */
  async findByNationalStatus(manager: EntityManager, nationalStatus: number, scope: SummaryScope | undefined, limit: number): Promise<StoredDossierSummary[]> {
    const parameters: unknown[] = [nationalStatus];
    const condition = scopeCondition(scope, parameters);
    parameters.push(limit);
    const rows: Array<Record<string, unknown>> = await manager.query(
      `${SELECT} WHERE s.national_status = $1 AND s.withdrawn_at IS NULL AND ${condition} ORDER BY s.last_event_at ASC LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toStored);
  }

  /** The lookup's view: summary and PIN hash of the dossiers carrying a reference (no scope: the PIN is the key). */
  async pinHashesByReference(manager: EntityManager, reference: string): Promise<Array<{ dossierId: string; lookupPinHash: string | null }>> {
    const rows: Array<{ dossier_id: string; lookup_pin_hash: string | null }> = await manager.query(
      `SELECT s.dossier_id, s.lookup_pin_hash FROM dossier_summaries s WHERE s.dossier_id IN (SELECT dossier_id FROM dossier_references WHERE reference = $1)`,
      [reference],
    );
    return rows.map((row) => ({ dossierId: row.dossier_id, lookupPinHash: row.lookup_pin_hash }));
  }
}
