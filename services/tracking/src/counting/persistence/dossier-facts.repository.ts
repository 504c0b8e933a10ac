import type { SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import { emptyFact, type DossierFact } from '../domain/dossier-fact';

export interface StoredFact {
  readonly fact: DossierFact;
  readonly stage: string | null;
  readonly stageEventTime: string | null;
}

/** A fact's new state, as the projection saves it. */
export interface SavedFact extends StoredFact {
  readonly open: boolean;
}

export class DossierFactsRepository {
  /**
   * Creates the dossiers' rows if needed and locks them (in dossier id order, so two transactions
   * cannot deadlock): two streams' events of one dossier apply one after the other.
   */
  async lockAll(manager: EntityManager, dossierIds: readonly string[]): Promise<Map<string, StoredFact>> {
    const sorted = [...new Set(dossierIds)].sort();
    // One statement creates or locks the rows and reads them: the no-op update takes the row locks that
    // SELECT … FOR UPDATE would take.
    const rows: { dossier_id: string; fact: DossierFact; stage: string | null; stage_event_time: Date | null }[] = await manager.query(
      `INSERT INTO counting_dossier_facts (dossier_id, fact)
       SELECT * FROM unnest($1::uuid[], $2::jsonb[]) ORDER BY 1
       ON CONFLICT (dossier_id) DO UPDATE SET dossier_id = counting_dossier_facts.dossier_id
       RETURNING dossier_id, fact, stage, stage_event_time`,
      [sorted, sorted.map((dossierId) => JSON.stringify(emptyFact(dossierId)))],
    );
    return new Map(
      rows.map((row) => [row.dossier_id, { fact: row.fact, stage: row.stage, stageEventTime: row.stage_event_time ? new Date(row.stage_event_time).toISOString() : null }]),
    );
  }

  /**
   * The facts' new states as one statement, sent with the run's other writes. Creates the rows of
   * dossiers recorded for the first time (live, their fact was not read: see RecentFacts); call with the
   * dossiers' chain heads locked, or their rows (lockAll).
   */
  saveStatement(facts: readonly SavedFact[]): SqlStatement {
    return {
      text: `INSERT INTO counting_dossier_facts (dossier_id, fact, stage, stage_event_time, open, intake_postal_code)
       SELECT * FROM unnest($1::uuid[], $2::jsonb[], $3::text[], $4::timestamptz[], $5::boolean[], $6::text[]) ORDER BY 1
       ON CONFLICT (dossier_id) DO UPDATE SET fact = excluded.fact, stage = excluded.stage, stage_event_time = excluded.stage_event_time,
         open = excluded.open, intake_postal_code = excluded.intake_postal_code, updated_at = now()`,
      values: [
        facts.map((saved) => saved.fact.dossierId),
        facts.map((saved) => JSON.stringify(saved.fact)),
        facts.map((saved) => saved.stage),
        facts.map((saved) => saved.stageEventTime),
        facts.map((saved) => saved.open),
        facts.map((saved) => saved.fact.intakePostalCode ?? null),
      ],
    };
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE counting_dossier_facts`);
  }
}
