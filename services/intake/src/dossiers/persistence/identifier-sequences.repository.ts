import { PostalItemSerials, type AllocatedSerial } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';

/**
 * S10 service indicator of BCCI dossier items when no range was allocated explicitly. ASSUMPTION: the
 * postal operator assigns the real indicators and serial ranges; rows it inserts into
 * `postal_item_ranges` take precedence (they are used in id order).
 */
export const DEFAULT_SERVICE_INDICATOR = 'EB';
export const DEFAULT_RANGE_SIZE = 100_000;

/** Intake's draws of dossier item serials one at a time (the batch below falls back to it). */
const postalItemSerials = new PostalItemSerials({
  defaultServiceIndicator: DEFAULT_SERVICE_INDICATOR,
  blockSize: DEFAULT_RANGE_SIZE,
  allocationLock: 'bcci.intake.postal_item_ranges',
});

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

interface AllocationRow {
  postal_code: string;
  received_on: string | null;
  last_value: number | null;
  service_indicator: string | null;
  first: number | null;
  last: number | null;
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
  /** The point's next dossier item serial, alone (see PostalItemSerials). */
  nextPostalItemSerial(manager: EntityManager, postalCode: string): Promise<AllocatedSerial> {
    return postalItemSerials.next(manager, postalCode);
  }

  /**
   * The provisional sequences and S10 serials of a batch of registrations written in one transaction,
   * answered in request order, in one statement whatever the batch size. Rows are locked in key order so
   * that two batches sharing postal points never wait on each other in a cycle. It draws from the ranges
   * as PostalItemSerials does, many serials at once; a point without enough free serials in its range
   * falls back to nextPostalItemSerial (PostalItemSerials, which allocates blocks) for the rest.
   */
  async allocateBatch(manager: EntityManager, requests: readonly IdentifierRequest[]): Promise<AllocatedIdentifiers[]> {
    if (requests.length === 0) return [];
    const days = countBy(requests, (r) => `${r.postalCode}|${r.receivedOn}`);
    const dayKeys = [...days.keys()].sort();
    const items = countBy(requests.filter((r) => r.withPostalItem), (r) => r.postalCode);
    const itemPoints = [...items.keys()].sort();
    // Each point-day's sequence moves by as many as it registers; each point's current range by as many
    // serials as it needs (fewer when the range runs out). One row per point-day and per range comes back.
    const rows: AllocationRow[] = await manager.query(
      `WITH provisional AS (
         INSERT INTO provisional_id_sequences (postal_code, received_on, last_value)
         SELECT postal_code, received_on, taken FROM unnest($1::text[], $2::date[], $3::int[]) AS t(postal_code, received_on, taken) ORDER BY postal_code, received_on
         ON CONFLICT (postal_code, received_on) DO UPDATE SET last_value = provisional_id_sequences.last_value + EXCLUDED.last_value
         RETURNING postal_code, to_char(received_on, 'YYYY-MM-DD') AS received_on, last_value
       ), wanted AS (
         SELECT postal_code, taken, ord FROM unnest($4::text[], $5::int[]) WITH ORDINALITY AS w(postal_code, taken, ord)
       ), picked AS (
         SELECT r.id, w.taken FROM wanted w CROSS JOIN LATERAL (
           SELECT id FROM postal_item_ranges x WHERE x.postal_code = w.postal_code AND x.next_serial <= x.last_serial ORDER BY id LIMIT 1 FOR UPDATE
         ) r ORDER BY w.ord
       ), serials AS (
         UPDATE postal_item_ranges r SET next_serial = LEAST(r.next_serial + p.taken, r.last_serial + 1)
         FROM picked p WHERE r.id = p.id AND r.next_serial <= r.last_serial
         RETURNING r.postal_code, r.service_indicator, old.next_serial AS first, r.next_serial - 1 AS last
       )
       SELECT postal_code, received_on, last_value, NULL AS service_indicator, NULL::int AS first, NULL::int AS last FROM provisional
       UNION ALL
       SELECT postal_code, NULL, NULL, service_indicator, first, last FROM serials`,
      [dayKeys.map((k) => k.split('|')[0]), dayKeys.map((k) => k.split('|')[1]), dayKeys.map((k) => days.get(k)), itemPoints, itemPoints.map((code) => items.get(code))],
    );
    const nextSequence = new Map<string, number>();
    const serials = new Map<string, AllocatedSerial[]>();
    for (const row of rows) {
      if (row.last_value !== null) {
        const key = `${row.postal_code}|${row.received_on}`;
        // The point-day's numbers are last - taken + 1 … last, handed out in request order.
        nextSequence.set(key, Number(row.last_value) - days.get(key)! + 1);
      } else {
        const first = Number(row.first);
        const taken = Number(row.last) - first + 1;
        serials.set(row.postal_code, Array.from({ length: taken }, (_, i) => ({ serviceIndicator: row.service_indicator!, serial: first + i })));
      }
    }
    const answers: AllocatedIdentifiers[] = [];
    for (const request of requests) {
      const key = `${request.postalCode}|${request.receivedOn}`;
      const sequence = nextSequence.get(key);
      if (sequence === undefined) throw new Error(`no provisional sequence returned for ${key}`);
      nextSequence.set(key, sequence + 1);
      const postalItem = request.withPostalItem ? (serials.get(request.postalCode)?.shift() ?? (await this.nextPostalItemSerial(manager, request.postalCode))) : null;
      answers.push({ sequence, postalItem });
    }
    return answers;
  }
}
