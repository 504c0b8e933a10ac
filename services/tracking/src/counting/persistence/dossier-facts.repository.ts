import type { SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import { emptyFact, type DossierFact } from '../domain/dossier-fact';

export interface StoredFact {
  readonly fact: DossierFact;
  readonly stage: string | null;
  readonly stageEventTime: string | null;
}

export class DossierFactsRepository {
  /** Creates the row if needed and locks it: two streams' events of one dossier apply one after the other. */
  async lock(manager: EntityManager, dossierId: string): Promise<StoredFact> {
    // One statement creates or locks the row and reads it: the no-op update takes the row lock that
    // SELECT … FOR UPDATE took (this runs for every recorded event).
    const [row]: { fact: DossierFact; stage: string | null; stage_event_time: Date | null }[] = await manager.query(
      `INSERT INTO counting_dossier_facts (dossier_id, fact) VALUES ($1, $2::jsonb)
       ON CONFLICT (dossier_id) DO UPDATE SET dossier_id = counting_dossier_facts.dossier_id
       RETURNING fact, stage, stage_event_time`,
      [dossierId, JSON.stringify(emptyFact(dossierId))],
    );
    return { fact: row.fact, stage: row.stage, stageEventTime: row.stage_event_time ? new Date(row.stage_event_time).toISOString() : null };
  }

  /** The fact's new state as a statement, sent with the event's other writes (call with the row locked). */
  saveStatement(fact: DossierFact, stage: string | null, stageEventTime: string | null, open: boolean): SqlStatement {
    return {
      text: `UPDATE counting_dossier_facts SET fact = $2::jsonb, stage = $3, stage_event_time = $4, open = $5, intake_postal_code = $6, updated_at = now()
       WHERE dossier_id = $1`,
      values: [fact.dossierId, JSON.stringify(fact), stage, stageEventTime, open, fact.intakePostalCode],
    };
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE counting_dossier_facts`);
  }
}
