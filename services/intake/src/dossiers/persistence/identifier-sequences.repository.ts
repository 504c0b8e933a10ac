import type { EntityManager } from 'typeorm';

/**
 * S10 service indicator of BCCI dossier items when no range was allocated explicitly. ASSUMPTION: the
 * postal operator assigns the real indicators and serial ranges; rows it inserts into
 * `postal_item_ranges` take precedence (they are used in id order).
 */
export const DEFAULT_SERVICE_INDICATOR = 'EB';
export const DEFAULT_RANGE_SIZE = 100_000;

export interface IdentifierRequest {
  readonly postalCode: string;
  /** Vietnam date of receipt (YYYY-MM-DD): provisional ids count per point and day. */
  readonly receivedOn: string;
  /** Whether the dossier travels by post and needs an S10 item id. */
  readonly withPostalItem: boolean;
}

export interface AllocatedIdentifiers {
  readonly sequence: number;
  readonly postalItem: AllocatedSerial | null;
}

export interface AllocatedSerial {
  readonly serviceIndicator: string;
  readonly serial: number;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
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
   * The provisional sequences and S10 serials of a batch of registrations written in one transaction,
   * answered in request order: one statement per kind of identifier, whatever the batch size. Rows are
   * locked in key order so that two batches sharing postal points never wait on each other in a cycle.
   * A point without enough free serials in its range falls back to nextPostalItemSerial for the rest.
   */
  async allocateBatch(manager: EntityManager, requests: readonly IdentifierRequest[]): Promise<AllocatedIdentifiers[]> {
    const sequences = await this.nextProvisionalSequences(manager, requests);
    const serials = await this.nextPostalItemSerials(manager, requests.filter((r) => r.withPostalItem).map((r) => r.postalCode));
    const answers: AllocatedIdentifiers[] = [];
    for (const [i, request] of requests.entries()) {
      const postalItem = request.withPostalItem ? (serials.get(request.postalCode)?.shift() ?? (await this.nextPostalItemSerial(manager, request.postalCode))) : null;
      answers.push({ sequence: sequences[i]!, postalItem });
    }
    return answers;
  }

  /** Next 1-based daily sequence of provisional dossier ids at a postal point. */
  async nextProvisionalSequence(manager: EntityManager, postalCode: string, receivedOn: string): Promise<number> {
    const [sequence] = await this.nextProvisionalSequences(manager, [{ postalCode, receivedOn }]);
    return sequence!;
  }

  private async nextProvisionalSequences(manager: EntityManager, requests: readonly Pick<IdentifierRequest, 'postalCode' | 'receivedOn'>[]): Promise<number[]> {
    const counts = countBy(requests, (r) => `${r.postalCode}|${r.receivedOn}`);
    const keys = [...counts.keys()].sort();
    const rows: { postal_code: string; received_on: string; last_value: number }[] = await manager.query(
      `INSERT INTO provisional_id_sequences (postal_code, received_on, last_value)
       SELECT postal_code, received_on, taken FROM unnest($1::text[], $2::date[], $3::int[]) AS t(postal_code, received_on, taken) ORDER BY postal_code, received_on
       ON CONFLICT (postal_code, received_on) DO UPDATE SET last_value = provisional_id_sequences.last_value + EXCLUDED.last_value
       RETURNING postal_code, to_char(received_on, 'YYYY-MM-DD') AS received_on, last_value`,
      [keys.map((k) => k.split('|')[0]), keys.map((k) => k.split('|')[1]), keys.map((k) => counts.get(k))],
    );
    // Each group's numbers are last - taken + 1 … last, handed out in request order.
    const next = new Map(rows.map((row) => [`${row.postal_code}|${row.received_on}`, Number(row.last_value) - counts.get(`${row.postal_code}|${row.received_on}`)! + 1]));
    return requests.map((r) => {
      const key = `${r.postalCode}|${r.receivedOn}`;
      const value = next.get(key);
      if (value === undefined) throw new Error(`no provisional sequence returned for ${key}`);
      next.set(key, value + 1);
      return value;
    });
  }

  /** Serials taken from each point's current range, at most as many as asked; fewer when the range runs out. */
  private async nextPostalItemSerials(manager: EntityManager, postalCodes: readonly string[]): Promise<Map<string, AllocatedSerial[]>> {
    const serials = new Map<string, AllocatedSerial[]>();
    if (postalCodes.length === 0) return serials;
    const counts = countBy(postalCodes, (code) => code);
    const codes = [...counts.keys()].sort();
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [{ postal_code: string; service_indicator: string; first: number; last: number }[], number] = await manager.query(
      `WITH wanted AS (
         SELECT postal_code, taken, ord FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS w(postal_code, taken, ord)
       ), picked AS (
         SELECT r.id, w.taken FROM wanted w CROSS JOIN LATERAL (
           SELECT id FROM postal_item_ranges x WHERE x.postal_code = w.postal_code AND x.next_serial <= x.last_serial ORDER BY id LIMIT 1 FOR UPDATE
         ) r ORDER BY w.ord
       )
       UPDATE postal_item_ranges r SET next_serial = LEAST(r.next_serial + p.taken, r.last_serial + 1)
       FROM picked p WHERE r.id = p.id AND r.next_serial <= r.last_serial
       RETURNING r.postal_code, r.service_indicator, old.next_serial AS first, r.next_serial - 1 AS last`,
      [codes, codes.map((code) => counts.get(code))],
    );
    for (const row of rows) {
      const list = Array.from({ length: Number(row.last) - Number(row.first) + 1 }, (_, i) => ({ serviceIndicator: row.service_indicator, serial: Number(row.first) + i }));
      serials.set(row.postal_code, list);
    }
    return serials;
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
