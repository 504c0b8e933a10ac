import type { EntityManager } from 'typeorm';
import type { DossierDigitizationState } from '../domain/dossier-digitization';
import { AGGREGATE_COLUMNS, stateOf, type AggregateRow } from './dossier-digitization.repository';

/** Whose dossiers a list holds: one postal point, one province, or every one (no field). */
export interface QueueScope {
  readonly postalCode?: string;
  readonly provinceCode?: string;
}

/**
 * The dossiers whose digitization is still open (status OPEN: not digitized, not closed incomplete,
 * not withdrawn), oldest registration first, read in one statement with their components. The
 * index on (postal_code, status) serves an operator's list.
 */
export class DigitizationQueueRepository {
  async findOpen(manager: EntityManager, scope: QueueScope, limit: number): Promise<{ dossiers: DossierDigitizationState[]; total: number }> {
    const conditions = [`d.status = 'OPEN'`];
    const parameters: unknown[] = [limit];
    if (scope.postalCode !== undefined) {
      parameters.push(scope.postalCode);
      conditions.push(`d.postal_code = $${parameters.length}`);
    }
    if (scope.provinceCode !== undefined) {
      parameters.push(scope.provinceCode);
      conditions.push(`d.province_code = $${parameters.length}`);
    }
    // count(*) OVER () is evaluated before LIMIT: the size of the whole queue comes with its first page.
    const rows: Array<AggregateRow & { total: number }> = await manager.query(
      `SELECT ${AGGREGATE_COLUMNS}, (count(*) OVER ())::int AS total
         FROM dossier_digitizations d
        WHERE ${conditions.join(' AND ')}
        ORDER BY d.registered_at ASC, d.dossier_id ASC
        LIMIT $1`,
      parameters,
    );
    const dossiers = rows.map((row) => stateOf(manager, row)).filter((d): d is DossierDigitizationState => d !== undefined);
    return { dossiers, total: rows[0]?.total ?? 0 };
  }
}
