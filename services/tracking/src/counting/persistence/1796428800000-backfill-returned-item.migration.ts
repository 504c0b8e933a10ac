import type { LocalDate } from '@bcci/kernel';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { contributionsOf, diffContributions } from '../domain/contributions';
import type { DossierFact, ReturnedItem } from '../domain/dossier-fact';
import { returnedItemOf } from '../domain/returned-item';
import type { UnitLocation, UnitResolver } from '../domain/units';
import { DailyCountsRepository } from './daily-counts.repository';

const PAGE = 500;

/**
 * Refusal slips stop counting as results (domain.md §6). Facts recorded before kept no `returnedItem`
 * and counted every delivery as a result delivered, so this backfill reads what each return leg carried
 * from the timeline (`returnedItem` of return-leg-opened), stores it in the fact, and, for the dossiers
 * whose leg carried a refusal slip, moves their figures from the old rule to the new one.
 *
 * Only facts without the field were counted under the old rule (the new fold always writes it, null
 * before a leg opens), so running this again, or after new events, moves nothing twice.
 * The old rule is the new one with the item taken as a result, so the move is the difference between
 * the fact's contributions as RESULT and as REFUSAL_SLIP. The keys are those the projection used: the
 * commune and province of the intake point on each counted day are read back from the dossier's own
 * rows (a postal point stands in one commune on a day), so no catalog is needed here. Running
 * `npm run timeline:rebuild -- --only counting` instead gives the same tables.
 */
export class BackfillReturnedItem1796428800000 implements MigrationInterface {
  name = 'BackfillReturnedItem1796428800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const manager = queryRunner.manager;
    const counts = new DailyCountsRepository();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { dossier_id: string; fact: DossierFact; item: string | null }[] = await manager.query(
        `SELECT f.dossier_id, f.fact, leg.item
         FROM counting_dossier_facts f
         JOIN LATERAL (
           SELECT t.payload->'data'->>'returnedItem' AS item FROM timeline_entries t
           WHERE t.dossier_id = f.dossier_id AND t.event_type = 'bcci.returns.return-leg-opened.v1'
           ORDER BY t.position LIMIT 1
         ) leg ON true
         WHERE f.dossier_id > $1 AND NOT f.fact ? 'returnedItem'
         ORDER BY f.dossier_id LIMIT $2`,
        [after, PAGE],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1].dossier_id;
      const facts = rows.map((row) => ({ ...row.fact, returnedItem: row.item === 'RESULT' || row.item === 'REFUSAL_SLIP' ? (row.item as ReturnedItem) : null }));
      const slips = facts.filter((fact) => returnedItemOf(fact) === 'REFUSAL_SLIP');
      const units = await this.unitsOfCountedDays(manager, slips);
      for (const fact of slips) {
        await counts.add(manager, diffContributions(contributionsOf({ ...fact, returnedItem: 'RESULT' }, units), contributionsOf(fact, units)));
      }
      await manager.query(
        `UPDATE counting_dossier_facts f SET fact = f.fact || jsonb_build_object('returnedItem', u.item)
         FROM unnest($1::uuid[], $2::text[]) AS u(dossier_id, item) WHERE f.dossier_id = u.dossier_id`,
        [facts.map((fact) => fact.dossierId), facts.map((fact) => fact.returnedItem)],
      );
    }
  }

  /** The commune and province under which the facts' intake points were counted, per (postal code, day). */
  private async unitsOfCountedDays(manager: EntityManager, facts: readonly DossierFact[]): Promise<UnitResolver> {
    const pairs = facts.flatMap((fact) =>
      fact.intakePostalCode ? [fact.intakeDay, fact.deliveredDay, fact.returnedToAgencyDay].filter((day): day is LocalDate => day !== null).map((day) => [fact.intakePostalCode!, day] as const) : [],
    );
    const located = new Map<string, UnitLocation>();
    if (pairs.length > 0) {
      const rows: { postal_code: string; day: string; province_code: string; commune_code: string }[] = await manager.query(
        `SELECT DISTINCT ON (c.postal_code, c.day) c.postal_code, c.day::text AS day, c.province_code, c.commune_code
         FROM counting_daily_counts c JOIN unnest($1::text[], $2::date[]) AS p(postal_code, day) ON c.postal_code = p.postal_code AND c.day = p.day`,
        [pairs.map(([code]) => code), pairs.map(([, day]) => day)],
      );
      for (const row of rows) located.set(`${row.postal_code}|${row.day}`, { provinceCode: row.province_code, communeCode: row.commune_code });
    }
    return { locatePostalPoint: (postalCode, day) => located.get(`${postalCode}|${day}`) };
  }

  async down(): Promise<void> {
    // The old rule counted refusal slips as results; nothing to restore that a rebuild would not redo.
  }
}
