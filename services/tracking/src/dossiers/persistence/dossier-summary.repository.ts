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

export class DossierSummaryRepository {
  async save(manager: EntityManager, summary: DossierSummary, scope: { provinceCode?: string; agencyProvinceCode?: string }): Promise<void> {
    const statement = this.saveStatement(summary, scope);
    await manager.query(statement.text, [...statement.values]);
  }

  /** The summary's write as a statement, for the live recorder to send with the event's other writes. */
  saveStatement(summary: DossierSummary, scope: { provinceCode?: string; agencyProvinceCode?: string }): SqlStatement {
    // A reference is stored once per dossier (the first kind found for it, as the summary lists them).
    const firstOfEach = new Map<string, DossierSummary['references'][number]>();
    for (const reference of summary.references) if (!firstOfEach.has(reference.reference)) firstOfEach.set(reference.reference, reference);
    const references = [...firstOfEach.values()];
    // One statement for the summary and its search references (it runs for every recorded event): the
    // references no longer carried are deleted, the new ones added.
    return {
      text: `WITH saved AS (
       INSERT INTO dossier_summaries (dossier_id, provisional_dossier_id, dossier_code, procedure_code, intake_postal_code, province_code, agency_id,
         agency_province_code, service_form, receiving_channel, return_postal_code, current_stage, national_status, intake_day, registered_at, filed_at,
         result_issued_at, delivered_at, withdrawn_at, first_event_at, last_event_at, event_count, lookup_pin_hash, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23, now())
       ON CONFLICT (dossier_id) DO UPDATE SET provisional_dossier_id = EXCLUDED.provisional_dossier_id, dossier_code = EXCLUDED.dossier_code,
         procedure_code = EXCLUDED.procedure_code, intake_postal_code = EXCLUDED.intake_postal_code, province_code = EXCLUDED.province_code,
         agency_id = EXCLUDED.agency_id, agency_province_code = EXCLUDED.agency_province_code, service_form = EXCLUDED.service_form,
         receiving_channel = EXCLUDED.receiving_channel, return_postal_code = EXCLUDED.return_postal_code, current_stage = EXCLUDED.current_stage,
         national_status = EXCLUDED.national_status, intake_day = EXCLUDED.intake_day, registered_at = EXCLUDED.registered_at,
         filed_at = EXCLUDED.filed_at, result_issued_at = EXCLUDED.result_issued_at, delivered_at = EXCLUDED.delivered_at,
         withdrawn_at = EXCLUDED.withdrawn_at, first_event_at = EXCLUDED.first_event_at, last_event_at = EXCLUDED.last_event_at,
         event_count = EXCLUDED.event_count, lookup_pin_hash = EXCLUDED.lookup_pin_hash, updated_at = now()
       RETURNING dossier_id),
       stale_references AS (DELETE FROM dossier_references WHERE dossier_id = $1 AND NOT (reference = ANY($24::text[])))
       INSERT INTO dossier_references (reference, kind, dossier_id)
       SELECT reference, kind, saved.dossier_id FROM unnest($24::text[], $25::text[]) AS r(reference, kind), saved
       ON CONFLICT (reference, dossier_id) DO UPDATE SET kind = EXCLUDED.kind WHERE dossier_references.kind <> EXCLUDED.kind`,
      values: [
        summary.dossierId,
        summary.provisionalDossierId ?? null,
        summary.dossierCode ?? null,
        summary.procedureCode ?? null,
        summary.intakePostalCode ?? null,
        summary.provinceCode ?? scope.provinceCode ?? null,
        summary.agencyId ?? null,
        scope.agencyProvinceCode ?? null,
        summary.serviceForm ?? null,
        summary.receivingChannel ?? null,
        summary.returnPostalCode ?? null,
        summary.currentStage,
        summary.nationalStatus ?? null,
        summary.intakeDay ?? null,
        summary.registeredAt ?? null,
        summary.filedAt ?? null,
        summary.resultIssuedAt ?? null,
        summary.deliveredAt ?? null,
        summary.withdrawnAt ?? null,
        summary.firstEventAt,
        summary.lastEventAt,
        summary.eventCount,
        summary.lookupPinHash ?? null,
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
