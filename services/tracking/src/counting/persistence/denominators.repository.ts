import type { EntityManager } from 'typeorm';
import type { DenominatorRow } from '../domain/denominator-import';

export interface StoredDenominatorRow {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly agencyId: string;
  readonly procedureCode: string;
  readonly provinceCode: string;
  readonly received: number;
  readonly resolved: number;
}

export interface DenominatorImportSummary {
  readonly importId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly provinceCode: string | null;
  readonly source: string;
  readonly rowCount: number;
  readonly replacedRows: number;
  readonly importedAt: Date;
  readonly actorRef: string;
}

export interface NewImport {
  readonly importId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly provinceCode: string | null;
  readonly source: string;
  readonly importedAt: Date;
  readonly actorRef: string;
}

export class DenominatorsRepository {
  /**
   * A re-import of a period replaces, for each agency in the file, every earlier row of that agency and
   * exactly that period (a corrected export from the one-stop system supersedes the first one).
   */
  async replace(manager: EntityManager, header: NewImport, rows: readonly (DenominatorRow & { provinceCode: string })[]): Promise<number> {
    await manager.query(
      `INSERT INTO counting_denominator_imports (import_id, period_start, period_end, province_code, source, row_count, imported_at, actor_ref)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [header.importId, header.periodStart, header.periodEnd, header.provinceCode, header.source, rows.length, header.importedAt, header.actorRef],
    );
    const agencies = [...new Set(rows.map((row) => row.agencyId))];
    const deleted: unknown[] = await manager.query(
      `DELETE FROM counting_denominator_rows WHERE period_start = $1 AND period_end = $2 AND agency_id = ANY($3::text[]) RETURNING agency_id`,
      [header.periodStart, header.periodEnd, agencies],
    );
    const replaced = Array.isArray(deleted[0]) ? (deleted[0] as unknown[]).length : deleted.length;
    await manager.query(
      `INSERT INTO counting_denominator_rows (period_start, period_end, agency_id, procedure_code, province_code, import_id, received, resolved, received_in_person, received_online, received_bcci)
       SELECT $1::date, $2::date, a, p, pr, $3::uuid, r, s, ip, ol, bc
       FROM unnest($4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[]) AS t(a, p, pr, r, s, ip, ol, bc)`,
      [
        header.periodStart,
        header.periodEnd,
        header.importId,
        rows.map((row) => row.agencyId),
        rows.map((row) => row.procedureCode),
        rows.map((row) => row.provinceCode),
        rows.map((row) => row.received),
        rows.map((row) => row.resolved),
        rows.map((row) => row.receivedByChannel?.inPerson ?? null),
        rows.map((row) => row.receivedByChannel?.online ?? null),
        rows.map((row) => row.receivedByChannel?.bcci ?? null),
      ],
    );
    await manager.query(`UPDATE counting_denominator_imports SET replaced_rows = $2 WHERE import_id = $1`, [header.importId, replaced]);
    return replaced;
  }

  /** Rows whose period overlaps [start, end] (the caller keeps those inside and reports the others). */
  async overlapping(manager: EntityManager, start: string, end: string): Promise<StoredDenominatorRow[]> {
    const rows: Record<string, string | number>[] = await manager.query(
      `SELECT period_start::text AS period_start, period_end::text AS period_end, agency_id, procedure_code, province_code, received, resolved
       FROM counting_denominator_rows WHERE period_start <= $2::date AND period_end >= $1::date`,
      [start, end],
    );
    return rows.map((row) => ({
      periodStart: String(row.period_start),
      periodEnd: String(row.period_end),
      agencyId: String(row.agency_id),
      procedureCode: String(row.procedure_code),
      provinceCode: String(row.province_code),
      received: Number(row.received),
      resolved: Number(row.resolved),
    }));
  }

  /** The latest imports, all of them or those that touch one province (declared for it, or with rows in it). */
  async listImports(manager: EntityManager, limit: number, provinceCode?: string): Promise<DenominatorImportSummary[]> {
    return manager.query(
      `SELECT i.import_id AS "importId", i.period_start::text AS "periodStart", i.period_end::text AS "periodEnd", i.province_code AS "provinceCode",
              i.source, i.row_count AS "rowCount", i.replaced_rows AS "replacedRows", i.imported_at AS "importedAt", i.actor_ref AS "actorRef"
       FROM counting_denominator_imports i
       WHERE $2::text IS NULL OR i.province_code = $2
          OR (i.province_code IS NULL AND EXISTS (SELECT 1 FROM counting_denominator_rows r WHERE r.import_id = i.import_id AND r.province_code = $2))
       ORDER BY i.imported_at DESC LIMIT $1`,
      [limit, provinceCode ?? null],
    );
  }
}
