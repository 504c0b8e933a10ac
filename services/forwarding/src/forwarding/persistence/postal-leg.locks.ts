import { entitiesFromJson, lockWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { LegReference } from '../domain/leg-reference';
import { CourierScanOrmEntity } from './courier-scan.orm-entity';
import { PostalLegOrmEntity } from './postal-leg.orm-entity';

/**
 * The legs the references name, locked, with each leg's courier scans, in one round trip: a courier
 * scan (three per dossier) needs both, and each round trip to PostgreSQL costs more than the work in it.
 * The lock and the read are two statements sent together, not one SELECT … FOR UPDATE: that statement's
 * snapshot predates the wait for the lock, so it would read the scans from before the lock holder's
 * commit (a device's retry of a scan, granted the leg after the first try, recorded the scan again and
 * failed on its key).
 */
export async function lockLegsWithScansByReference(
  manager: EntityManager,
  references: readonly LegReference[],
): Promise<{ legs: PostalLegOrmEntity[]; scans: CourierScanOrmEntity[] }> {
  const { dossierIds, s10ItemIds } = await lockWithNextRead(manager, references);
  const rows: Array<{ leg: unknown; scans: unknown }> = await manager.query(
    `SELECT row_to_json(leg) AS leg, (SELECT json_agg(scan) FROM courier_scans scan WHERE scan.leg_id = leg.id) AS scans
       FROM postal_legs leg
      WHERE leg.dossier_id = ANY($1::uuid[]) OR leg.s10_item_id = ANY($2::text[])
      ORDER BY leg.id`,
    [dossierIds, s10ItemIds],
  );
  return {
    legs: entitiesFromJson(manager, PostalLegOrmEntity, rows.map((row) => row.leg)),
    scans: rows.flatMap((row) => entitiesFromJson(manager, CourierScanOrmEntity, row.scans)),
  };
}

/**
 * Locks the legs the references name, in leg id order, with the transaction's next statement (a read
 * whose snapshot is taken once the locks are granted): the ids to read them by, for that read. Every
 * writer that locks several legs takes them in this order, so two of them over the same legs queue
 * instead of deadlocking. A leg's lock also guards its handover record (see HandoverRecordRepository).
 */
export async function lockWithNextRead(manager: EntityManager, references: readonly LegReference[]): Promise<{ dossierIds: string[]; s10ItemIds: string[] }> {
  const ids = idsOf(references);
  await lockWithNextStatement(manager, {
    text: `SELECT 1 FROM postal_legs WHERE dossier_id = ANY($1::uuid[]) OR s10_item_id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    values: [ids.dossierIds, ids.s10ItemIds],
  });
  return ids;
}

/** The dossier ids and the S10 item ids the references name. */
function idsOf(references: readonly LegReference[]): { dossierIds: string[]; s10ItemIds: string[] } {
  return {
    dossierIds: references.flatMap((r) => ('dossierId' in r ? [r.dossierId] : [])),
    s10ItemIds: references.flatMap((r) => ('s10ItemId' in r ? [r.s10ItemId] : [])),
  };
}
