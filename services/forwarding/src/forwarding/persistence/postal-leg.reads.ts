import { entitiesFromJson } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import { CourierScanOrmEntity } from './courier-scan.orm-entity';
import { HandoverRecordOrmEntity } from './handover-record.orm-entity';
import { PostalLegOrmEntity } from './postal-leg.orm-entity';

export interface LegWithScansAndRecord {
  readonly leg: PostalLegOrmEntity;
  /** In scan time order. */
  readonly scans: CourierScanOrmEntity[];
  readonly record: HandoverRecordOrmEntity | null;
}

/**
 * A dossier's leg with its courier scans and its handover record, unlocked, in one statement (a look at
 * one leg was three round trips to PostgreSQL; issue 11), and from one snapshot: the scans and the record
 * are the leg's as of the same moment.
 */
export async function findLegWithScansAndRecord(manager: EntityManager, dossierId: string): Promise<LegWithScansAndRecord | undefined> {
  const [row]: Array<{ leg: unknown; scans: unknown; record: unknown }> = await manager.query(
    `SELECT row_to_json(leg) AS leg,
            (SELECT json_agg(scan ORDER BY scan.scanned_at) FROM courier_scans scan WHERE scan.leg_id = leg.id) AS scans,
            (SELECT row_to_json(record) FROM handover_records record WHERE record.id = leg.handover_record_id) AS record
       FROM postal_legs leg
      WHERE leg.dossier_id = $1`,
    [dossierId],
  );
  if (!row) return undefined;
  return {
    leg: entitiesFromJson(manager, PostalLegOrmEntity, [row.leg])[0]!,
    scans: entitiesFromJson(manager, CourierScanOrmEntity, row.scans),
    record: row.record ? entitiesFromJson(manager, HandoverRecordOrmEntity, [row.record])[0]! : null,
  };
}
