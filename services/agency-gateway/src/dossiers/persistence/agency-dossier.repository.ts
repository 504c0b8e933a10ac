import type { EntityManager } from 'typeorm';
import { newAgencyDossier, type AgencyDossierState } from '../domain/agency-dossier';

/**
 * Dossier rows, always read under a row lock inside the caller's transaction, so two events or commands
 * for one dossier (different topics, HTTP and Kafka) are applied one after the other.
 */
export class AgencyDossierRepository {
  /**
   * The dossier, created empty when an upstream event is the first the gateway hears of it, locked and
   * read in one statement: on a known dossier the no-op update takes the row lock that SELECT … FOR
   * UPDATE would, and RETURNING reads the state (every upstream event of every dossier comes this way).
   */
  async lockOrCreate(manager: EntityManager, dossierId: string): Promise<AgencyDossierState> {
    const fresh = newAgencyDossier(dossierId);
    const [row] = (await manager.query(
      `INSERT INTO agency_dossier (dossier_id, status, state) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (dossier_id) DO UPDATE SET dossier_id = agency_dossier.dossier_id
       RETURNING state`,
      [dossierId, fresh.status, JSON.stringify(fresh)],
    )) as Array<{ state: AgencyDossierState }>;
    return row!.state;
  }

  async lock(manager: EntityManager, dossierId: string): Promise<AgencyDossierState | undefined> {
    const rows = (await manager.query(`SELECT state FROM agency_dossier WHERE dossier_id = $1 FOR UPDATE`, [dossierId])) as Array<{ state: AgencyDossierState }>;
    return rows[0]?.state;
  }

  async find(manager: EntityManager, dossierId: string): Promise<AgencyDossierState | undefined> {
    const rows = (await manager.query(`SELECT state FROM agency_dossier WHERE dossier_id = $1`, [dossierId])) as Array<{ state: AgencyDossierState }>;
    return rows[0]?.state;
  }

  async save(manager: EntityManager, state: AgencyDossierState): Promise<void> {
    await manager.query(
      `UPDATE agency_dossier SET agency_id = $2, status = $3, national_status = $4, due_date = $5, state = $6::jsonb, updated_at = now() WHERE dossier_id = $1`,
      [state.dossierId, state.agencyId, state.status, state.nationalStatus, state.clock?.dueDate ?? null, JSON.stringify(state)],
    );
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
