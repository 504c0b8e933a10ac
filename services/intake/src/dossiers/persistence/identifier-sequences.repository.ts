import type { EntityManager } from 'typeorm';

/**
 * S10 service indicator of BCCI dossier items when no range was allocated explicitly. ASSUMPTION: the
 * postal operator assigns the real indicators and serial ranges; rows it inserts into
 * `postal_item_ranges` take precedence (they are used in id order).
 */
export const DEFAULT_SERVICE_INDICATOR = 'EB';
export const DEFAULT_RANGE_SIZE = 100_000;

export interface AllocatedSerial {
  readonly serviceIndicator: string;
  readonly serial: number;
}

/**
 * Per-postal-point sequences, allocated inside the registration transaction: a refused or rolled-back
 * registration leaves no gap, and the row lock orders concurrent intakes at one point without blocking others.
 */
export class IdentifierSequencesRepository {
  /**
   * Next serial from the point's ranges. A point without a free range gets the next unused block of
   * the default indicator: blocks never overlap, because this database is the only allocator of
   * BCCI dossier item ids and block allocation is serialised by an advisory lock.
   */
  async nextPostalItemSerial(manager: EntityManager, postalCode: string): Promise<AllocatedSerial> {
    const taken = await this.takeFromRange(manager, postalCode);
    if (taken) return taken;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('bcci.intake.postal_item_ranges'))`);
    // Another intake at this point may have allocated a block while we waited for the lock.
    const retaken = await this.takeFromRange(manager, postalCode);
    if (retaken) return retaken;
    const rows: { first: number }[] = await manager.query(
      `SELECT coalesce(max(last_serial) + 1, 1) AS first FROM postal_item_ranges WHERE service_indicator = $1`,
      [DEFAULT_SERVICE_INDICATOR],
    );
    const first = Number(rows[0].first);
    const last = first + DEFAULT_RANGE_SIZE - 1;
    if (last > 99_999_999) throw new Error(`S10 serial space of ${DEFAULT_SERVICE_INDICATOR} is exhausted: allocate ranges explicitly`);
    await manager.query(
      `INSERT INTO postal_item_ranges (postal_code, service_indicator, first_serial, last_serial, next_serial) VALUES ($1, $2, $3, $4, $3)`,
      [postalCode, DEFAULT_SERVICE_INDICATOR, first, last],
    );
    const allocated = await this.takeFromRange(manager, postalCode);
    if (!allocated) throw new Error('postal item range allocation failed');
    return allocated;
  }

  /**
   * The provisional sequence and, when the dossier travels by post, the S10 serial, in one round trip
   * when the point has a free range (the usual case): both rows stay locked until commit, so the fewer
   * statements a registration sends after taking them, the less the point's other registrations wait.
   * Falls back to nextPostalItemSerial's block allocation when the point has no free range.
   */
  async allocate(manager: EntityManager, postalCode: string, receivedOn: string, withPostalItem: boolean): Promise<{ sequence: number; postalItem: AllocatedSerial | null }> {
    if (!withPostalItem) return { sequence: await this.nextProvisionalSequence(manager, postalCode, receivedOn), postalItem: null };
    const rows: { last_value: number; service_indicator: string | null; serial: number | null }[] = await manager.query(
      `WITH provisional AS (
         INSERT INTO provisional_id_sequences (postal_code, received_on, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (postal_code, received_on) DO UPDATE SET last_value = provisional_id_sequences.last_value + 1
         RETURNING last_value
       ), item AS (
         UPDATE postal_item_ranges SET next_serial = next_serial + 1
         WHERE id = (SELECT id FROM postal_item_ranges WHERE postal_code = $1 AND next_serial <= last_serial ORDER BY id LIMIT 1 FOR UPDATE)
           AND next_serial <= last_serial
         RETURNING service_indicator, next_serial - 1 AS serial
       )
       SELECT provisional.last_value, item.service_indicator, item.serial FROM provisional LEFT JOIN item ON true`,
      [postalCode, receivedOn],
    );
    const row = rows[0]!;
    const postalItem =
      row.service_indicator !== null && row.serial !== null
        ? { serviceIndicator: row.service_indicator, serial: Number(row.serial) }
        : await this.nextPostalItemSerial(manager, postalCode);
    return { sequence: Number(row.last_value), postalItem };
  }

  /** Next 1-based daily sequence of provisional dossier ids at a postal point. */
  async nextProvisionalSequence(manager: EntityManager, postalCode: string, receivedOn: string): Promise<number> {
    const rows: { last_value: number }[] = await manager.query(
      `INSERT INTO provisional_id_sequences (postal_code, received_on, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (postal_code, received_on) DO UPDATE SET last_value = provisional_id_sequences.last_value + 1
       RETURNING last_value`,
      [postalCode, receivedOn],
    );
    return Number(rows[0].last_value);
  }

  private async takeFromRange(manager: EntityManager, postalCode: string): Promise<AllocatedSerial | undefined> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [{ service_indicator: string; serial: number }[], number] = await manager.query(
      `UPDATE postal_item_ranges SET next_serial = next_serial + 1
       WHERE id = (SELECT id FROM postal_item_ranges WHERE postal_code = $1 AND next_serial <= last_serial ORDER BY id LIMIT 1 FOR UPDATE)
         AND next_serial <= last_serial
       RETURNING service_indicator, next_serial - 1 AS serial`,
      [postalCode],
    );
    return rows.length === 0 ? undefined : { serviceIndicator: rows[0].service_indicator, serial: Number(rows[0].serial) };
  }
}
