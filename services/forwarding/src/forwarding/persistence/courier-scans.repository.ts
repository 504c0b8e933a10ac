import { writeWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { LegStatus } from '../domain/leg-status';
import type { CourierScanOrmEntity } from './courier-scan.orm-entity';

/** A courier's scan of one item and the leg's status it moves to, in one statement (call with the leg locked). */
export async function recordCourierScan(manager: EntityManager, scan: CourierScanOrmEntity, nextStatus: LegStatus): Promise<void> {
  // The leg is locked and nothing reads the result: sent with the transaction's next statement.
  await writeWithNextStatement(manager, {
    text: `WITH scan AS (
       INSERT INTO courier_scans (leg_id, kind, dossier_id, postal_code, scanned_at, bag_ref, actor_role, actor_ref, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9))
     UPDATE postal_legs SET status = $10 WHERE id = $1`,
    values: [scan.legId, scan.kind, scan.dossierId, scan.postalCode, scan.scannedAt, scan.bagRef, scan.actorRole, scan.actorRef, scan.recordedAt, nextStatus],
  });
}
