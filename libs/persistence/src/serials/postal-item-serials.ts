import type { EntityManager } from 'typeorm';

/** The largest serial of a UPU S10 item id (8 digits). */
const LAST_S10_SERIAL = 99_999_999;

/** Where a service draws the serials of the S10 item ids it issues (intake: the dossier; returns: the result). */
export interface PostalItemSerialSource {
  /** Indicator of the blocks allocated to a point without a free range (the operator's rows come first). */
  readonly defaultServiceIndicator: string;
  /** Serials in such a block. */
  readonly blockSize: number;
  /** Name of the advisory lock that serialises block allocation in this database. */
  readonly allocationLock: string;
}

export interface AllocatedSerial {
  readonly serviceIndicator: string;
  readonly serial: number;
}

/**
 * The one allocator of S10 serials, from a database's `postal_item_ranges` (id, postal_code,
 * service_indicator, first_serial, last_serial, next_serial): each postal point draws from its ranges
 * in id order, inside the transaction that issues the item, so a rolled-back issue leaves no gap and
 * the range's row lock orders concurrent draws at one point without blocking other points. A point
 * without a free range gets the next unused block of the default indicator: blocks never overlap,
 * because this database is the only allocator of that indicator's serials and block allocation takes
 * an advisory lock. ASSUMPTION: the postal operator assigns the real indicators and ranges; rows it
 * inserts take precedence.
 */
export class PostalItemSerials {
  constructor(private readonly source: PostalItemSerialSource) {}

  /** The point's next serial; call inside the transaction that issues the item. */
  async next(manager: EntityManager, postalCode: string): Promise<AllocatedSerial> {
    const taken = await this.takeFromRange(manager, postalCode);
    if (taken) return taken;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [this.source.allocationLock]);
    // Another draw at this point may have allocated a block while this one waited for the lock.
    const retaken = await this.takeFromRange(manager, postalCode);
    if (retaken) return retaken;
    const rows: { first: number }[] = await manager.query(
      `SELECT coalesce(max(last_serial) + 1, 1) AS first FROM postal_item_ranges WHERE service_indicator = $1`,
      [this.source.defaultServiceIndicator],
    );
    const first = Number(rows[0]!.first);
    const last = first + this.source.blockSize - 1;
    if (last > LAST_S10_SERIAL) throw new Error(`S10 serial space of ${this.source.defaultServiceIndicator} is exhausted: allocate ranges explicitly`);
    await manager.query(
      `INSERT INTO postal_item_ranges (postal_code, service_indicator, first_serial, last_serial, next_serial) VALUES ($1, $2, $3, $4, $3)`,
      [postalCode, this.source.defaultServiceIndicator, first, last],
    );
    const allocated = await this.takeFromRange(manager, postalCode);
    if (!allocated) throw new Error('postal item range allocation failed');
    return allocated;
  }

  private async takeFromRange(manager: EntityManager, postalCode: string): Promise<AllocatedSerial | undefined> {
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
    return rows.length === 0 ? undefined : { serviceIndicator: rows[0]!.service_indicator, serial: Number(rows[0]!.serial) };
  }
}
