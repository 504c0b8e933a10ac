import type { EntityManager } from 'typeorm';

/**
 * Forwarding's courier scanned the sealed item out of the postal point (DISPATCHED): from then on the
 * dossier can no longer be withdrawn at the counter. The first scan wins; a repeat changes nothing.
 * Runs in the consumer's transaction, next to its inbox row.
 */
export class RecordDispatchUseCase {
  async execute(manager: EntityManager, dossierId: string, scannedAt: Date): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE dossiers SET dispatched_at = $2 WHERE id = $1 AND dispatched_at IS NULL`,
      [dossierId, scannedAt],
    );
    return result[1] > 0;
  }
}
