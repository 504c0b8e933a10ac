import type { EntityManager } from 'typeorm';
import { RETURN_RANGE_SIZE, RETURN_SERVICE_INDICATOR } from '../domain/return-item-id.rule';

export interface AllocatedSerial {
  readonly serviceIndicator: string;
  readonly serial: number;
}

/**
 * Per-postal-point S10 serial sequences, drawn inside the transaction that opens the leg: a rolled-back
 * opening leaves no gap, and the row lock orders concurrent openings at one point without blocking others.
 * A point without a free range gets the next unused block of the default indicator (blocks never
 * overlap: this database is the only allocator of return item ids, block allocation takes an advisory lock).
 */
export async function nextReturnItemSerial(manager: EntityManager, postalCode: string): Promise<AllocatedSerial> {
  const taken = await takeFromRange(manager, postalCode);
  if (taken) return taken;
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('bcci.returns.postal_item_ranges'))`);
  const retaken = await takeFromRange(manager, postalCode);
  if (retaken) return retaken;
  const rows: { first: number }[] = await manager.query(
    `SELECT coalesce(max(last_serial) + 1, 1) AS first FROM postal_item_ranges WHERE service_indicator = $1`,
    [RETURN_SERVICE_INDICATOR],
  );
  const first = Number(rows[0].first);
  const last = first + RETURN_RANGE_SIZE - 1;
  if (last > 99_999_999) throw new Error(`S10 serial space of ${RETURN_SERVICE_INDICATOR} is exhausted: allocate ranges explicitly`);
  await manager.query(
    `INSERT INTO postal_item_ranges (postal_code, service_indicator, first_serial, last_serial, next_serial) VALUES ($1, $2, $3, $4, $3)`,
    [postalCode, RETURN_SERVICE_INDICATOR, first, last],
  );
  const allocated = await takeFromRange(manager, postalCode);
  if (!allocated) throw new Error('postal item range allocation failed');
  return allocated;
}

async function takeFromRange(manager: EntityManager, postalCode: string): Promise<AllocatedSerial | undefined> {
  const rows: { service_indicator: string; serial: number }[] = await manager.query(
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count], a SELECT as rows.
    `WITH taken AS (
       UPDATE postal_item_ranges SET next_serial = next_serial + 1
       WHERE id = (SELECT id FROM postal_item_ranges WHERE postal_code = $1 AND next_serial <= last_serial ORDER BY id LIMIT 1 FOR UPDATE)
         AND next_serial <= last_serial
       RETURNING service_indicator, next_serial - 1 AS serial)
     SELECT service_indicator, serial FROM taken`,
    [postalCode],
  );
  return rows.length === 0 ? undefined : { serviceIndicator: rows[0].service_indicator, serial: Number(rows[0].serial) };
}
