import { writeWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import { newAgencyDossier, type AgencyDossierState } from '../domain/agency-dossier';

/**
 * Dossier rows, always read under a row lock inside the caller's transaction, so two events or commands
 * for one dossier (different topics, HTTP and Kafka) are applied one after the other.
 */
export class AgencyDossierRepository {
  /**
   * The dossiers of a consumer run's upstream events, each created empty when an event is the first the
   * gateway hears of it, locked and read in one statement: on a known dossier the no-op update takes the
   * row lock that SELECT … FOR UPDATE would, and RETURNING reads the state. Rows are created or locked in
   * dossier id order, so two runs over the same dossiers queue instead of deadlocking.
   */
  async lockOrCreateAll(manager: EntityManager, dossierIds: readonly string[]): Promise<ReadonlyMap<string, AgencyDossierState>> {
    // PostgreSQL answers uuids in lower case: the map is keyed the same way.
    const ordered = [...new Set(dossierIds.map((dossierId) => dossierId.toLowerCase()))].sort();
    const fresh = ordered.map((dossierId) => newAgencyDossier(dossierId));
    const rows = (await manager.query(
      `INSERT INTO agency_dossier (dossier_id, status, state)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) ORDER BY 1
       ON CONFLICT (dossier_id) DO UPDATE SET dossier_id = agency_dossier.dossier_id
       RETURNING dossier_id, state`,
      [ordered, fresh.map((state) => state.status), fresh.map((state) => JSON.stringify(state))],
    )) as Array<{ dossier_id: string; state: AgencyDossierState }>;
    return new Map(rows.map((row) => [row.dossier_id, row.state]));
  }

  /** save for several dossiers (their locks held), in one statement, sent as save's is. */
  async saveAll(manager: EntityManager, states: readonly AgencyDossierState[]): Promise<void> {
    if (states.length === 0) return;
    await writeWithNextStatement(manager, {
      text: `UPDATE agency_dossier d
          SET agency_id = s.agency_id, status = s.status, national_status = s.national_status, due_date = s.due_date, state = s.state, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $5::date[], $6::jsonb[]) AS s(dossier_id, agency_id, status, national_status, due_date, state)
        WHERE d.dossier_id = s.dossier_id`,
      values: [
        states.map((state) => state.dossierId),
        states.map((state) => state.agencyId),
        states.map((state) => state.status),
        states.map((state) => state.nationalStatus),
        states.map((state) => state.clock?.dueDate ?? null),
        states.map((state) => JSON.stringify(state)),
      ],
    });
  }

  async find(manager: EntityManager, dossierId: string): Promise<AgencyDossierState | undefined> {
    const rows = (await manager.query(`SELECT state FROM agency_dossier WHERE dossier_id = $1`, [dossierId])) as Array<{ state: AgencyDossierState }>;
    return rows[0]?.state;
  }

  /** Saves the state of a locked dossier, sent with the transaction's next statement (its commit at the latest). */
  async save(manager: EntityManager, state: AgencyDossierState): Promise<void> {
    await writeWithNextStatement(manager, {
      text: `UPDATE agency_dossier SET agency_id = $2, status = $3, national_status = $4, due_date = $5, state = $6::jsonb, updated_at = now() WHERE dossier_id = $1`,
      values: [state.dossierId, state.agencyId, state.status, state.nationalStatus, state.clock?.dueDate ?? null, JSON.stringify(state)],
    });
  }

  /** The agency's published dossiers, newest first. */
  async listForAgency(manager: EntityManager, agencyId: string, limit: number): Promise<AgencyDossierState[]> {
    const rows = (await manager.query(
      `SELECT state FROM agency_dossier WHERE agency_id = $1 AND status <> 'AWAITING_UPSTREAM' ORDER BY updated_at DESC LIMIT $2`,
      [agencyId, limit],
    )) as Array<{ state: AgencyDossierState }>;
    return rows.map((r) => r.state);
  }
}
