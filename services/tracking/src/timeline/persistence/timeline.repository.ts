import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, type ChainedEntry } from '../domain/hash-chain';
import type { Stage } from '../domain/stage';
import type { TimelineEvent } from '../domain/timeline-event';
import type { RecordedEntry } from '../application/recorded-entry';

interface EntryRow {
  position: string;
  dossier_id: string;
  sequence: number;
  event_id: string;
  event_type: string;
  event_time: Date;
  recorded_at: Date;
  stage: string;
  postal_code: string | null;
  actor_role: string | null;
  national_status: number | null;
  payload: TimelineEvent;
  previous_hash: string;
  hash: string;
}

const COLUMNS = `position::text AS position, dossier_id, sequence, event_id, event_type, event_time, recorded_at, stage, postal_code,
  actor_role, national_status, payload, previous_hash, hash`;
/**
 * The columns of an entry just appended, with its payload left out: the caller has the event, and
 * sending each payload back as JSON text to parse again cost more than the rest of the row.
 */
const APPENDED_COLUMNS = COLUMNS.replace('payload,', 'NULL::jsonb AS payload,');

export function toRecordedEntry(row: EntryRow): RecordedEntry {
  return {
    position: row.position,
    dossierId: row.dossier_id,
    sequence: row.sequence,
    eventId: row.event_id,
    eventType: row.event_type,
    eventTime: row.event_time.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    stage: row.stage as Stage,
    postalCode: row.postal_code,
    actorRole: row.actor_role,
    nationalStatus: row.national_status,
    event: row.payload,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** The chained form of an entry, exactly as it was hashed when recorded. */
export function toChainedEntry(entry: RecordedEntry): ChainedEntry {
  return {
    dossierId: entry.dossierId,
    sequence: entry.sequence,
    eventId: entry.eventId,
    eventType: entry.eventType,
    eventTime: entry.eventTime,
    recordedAt: entry.recordedAt,
    stage: entry.stage,
    postalCode: entry.postalCode,
    actorRole: entry.actorRole,
    nationalStatus: entry.nationalStatus,
    event: entry.event,
    previousHash: entry.previousHash,
    hash: entry.hash,
  };
}

/** Lower bound for keyset pagination over dossier ids. */
export const FIRST_DOSSIER_ID = '00000000-0000-0000-0000-000000000000';

/** SQL of the timeline tables; every method runs on the caller's manager (its transaction). */
export class TimelineRepository {
  /**
   * How late tracking recorded what it recorded lately: p50, p99 and max of (recorded_at − event time)
   * over the last `sampleSize` entries recorded within `withinSeconds` of `now` (the newest positions).
   */
  async recentRecordingLag(manager: EntityManager, now: Date, withinSeconds: number, sampleSize: number): Promise<{ entries: number; p50: number | null; p99: number | null; max: number | null }> {
    const [row]: Array<{ entries: number; p50: number | null; p99: number | null; max: number | null }> = await manager.query(
      `SELECT count(*)::int AS entries,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99,
              max(lag) AS max
       FROM (SELECT extract(epoch FROM recorded_at - event_time)::float8 AS lag
             FROM (SELECT recorded_at, event_time FROM timeline_entries ORDER BY position DESC LIMIT $3) newest
             WHERE recorded_at >= $1::timestamptz - make_interval(secs => $2)) recent`,
      [now.toISOString(), withinSeconds, sampleSize],
    );
    return row;
  }

  /**
   * Takes `sharedLock` (a transaction-scoped advisory lock, shared) and then locks the dossiers' chain
   * heads (creating missing ones at the genesis) for the rest of the transaction, in dossier id order so
   * that two transactions locking overlapping sets cannot deadlock.
   */
  async lockHeads(manager: EntityManager, dossierIds: readonly string[], sharedLock: number): Promise<Map<string, { sequence: number; hash: string }>> {
    // One statement: the shared lock first (the heads' rows are joined to it, so no head is touched
    // before it is held), then the heads created at the genesis or, when they exist, locked by a no-op
    // update, and read.
    const rows: Array<{ dossier_id: string; sequence: number; hash: string }> = await manager.query(
      `WITH shared_lock AS (SELECT pg_advisory_xact_lock_shared($3::bigint) IS NULL AS taken)
       INSERT INTO timeline_chain_heads (dossier_id, sequence, hash)
       SELECT d.dossier_id, 0, $2 FROM unnest($1::uuid[]) AS d(dossier_id), shared_lock ORDER BY d.dossier_id
       ON CONFLICT (dossier_id) DO UPDATE SET sequence = timeline_chain_heads.sequence
       RETURNING dossier_id, sequence, hash`,
      [[...dossierIds].sort(), GENESIS_HASH, sharedLock],
    );
    return new Map(rows.map((row) => [row.dossier_id, { sequence: row.sequence, hash: row.hash }]));
  }

  /**
   * Appends the entries (chained after the heads locked by lockHeads) and moves each dossier's head to
   * its last entry, in one statement, unless one of the events is already on the timeline: then nothing
   * is written and undefined is returned (the caller leaves those out and chains again). This
   * statement's snapshot, taken after the locks, sees every entry committed before. It returns the
   * appended entries and, for each dossier of `earlierOf`, the entries it had before them, in chain order
   * (the caller holds the others' timelines already).
   */
  async appendAll(
    manager: EntityManager,
    entries: readonly ChainedEntry[],
    earlierOf: readonly string[],
  ): Promise<{ appended: RecordedEntry[]; earlier: Map<string, RecordedEntry[]> } | undefined> {
    const column = <T>(pick: (entry: ChainedEntry) => T) => entries.map(pick);
    const rows: Array<EntryRow & { just_appended: boolean }> = await manager.query(
      `WITH incoming AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[], $9::text[],
           $10::smallint[], ARRAY(SELECT payload FROM jsonb_array_elements($11::jsonb) WITH ORDINALITY AS p(payload, n) ORDER BY n), $12::text[], $13::text[])
           AS i(dossier_id, sequence, event_id, event_type, event_time, recorded_at, stage, postal_code, actor_role, national_status, payload, previous_hash, hash)),
       fresh AS (SELECT NOT EXISTS (SELECT 1 FROM timeline_entries WHERE event_id = ANY($3::uuid[])) AS ok),
       appended AS (
         INSERT INTO timeline_entries (dossier_id, sequence, event_id, event_type, event_time, recorded_at, stage, postal_code, actor_role,
           national_status, payload, previous_hash, hash)
         SELECT incoming.* FROM incoming, fresh WHERE fresh.ok ORDER BY dossier_id, sequence
         RETURNING ${APPENDED_COLUMNS}),
       moved AS (
         UPDATE timeline_chain_heads head SET sequence = last.sequence, hash = last.hash
         FROM (SELECT DISTINCT ON (dossier_id) dossier_id, sequence, hash FROM incoming ORDER BY dossier_id, sequence DESC) last, fresh
         WHERE head.dossier_id = last.dossier_id AND fresh.ok)
       SELECT true AS just_appended, appended.* FROM appended
       UNION ALL
       -- The statement's snapshot does not hold the rows it inserts: the earlier entries come from the table.
       SELECT false, ${COLUMNS} FROM timeline_entries, fresh WHERE dossier_id = ANY($14::uuid[]) AND fresh.ok
       ORDER BY dossier_id, sequence`,
      [
        column((entry) => entry.dossierId),
        column((entry) => entry.sequence),
        column((entry) => entry.eventId),
        column((entry) => entry.eventType),
        column((entry) => entry.eventTime),
        column((entry) => entry.recordedAt),
        column((entry) => entry.stage),
        column((entry) => entry.postalCode),
        column((entry) => entry.actorRole),
        column((entry) => entry.nationalStatus),
        // The payloads as one JSON array, not an array of JSON texts: pg escapes every quote of every
        // element of a text array, which cost more than writing the JSON.
        JSON.stringify(column((entry) => entry.event)),
        column((entry) => entry.previousHash),
        column((entry) => entry.hash),
        earlierOf,
      ],
    );
    const events = new Map(entries.map((entry) => [entry.eventId, entry.event as TimelineEvent]));
    const appended = rows.filter((row) => row.just_appended).map((row) => toRecordedEntry({ ...row, payload: events.get(row.event_id)! }));
    if (appended.length === 0) return undefined;
    const earlier = new Map<string, RecordedEntry[]>(earlierOf.map((dossierId) => [dossierId, []]));
    for (const row of rows) if (!row.just_appended) earlier.get(row.dossier_id)?.push(toRecordedEntry(row));
    return { appended, earlier };
  }

  /** Which of these events are already on the timeline. */
  async recordedEventIds(manager: EntityManager, eventIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ event_id: string }> = await manager.query(`SELECT event_id FROM timeline_entries WHERE event_id = ANY($1::uuid[])`, [eventIds]);
    return new Set(rows.map((row) => row.event_id));
  }

  /** One dossier's entries in chain (recording) order. */
  async entriesOf(manager: EntityManager, dossierId: string): Promise<RecordedEntry[]> {
    const rows: EntryRow[] = await manager.query(`SELECT ${COLUMNS} FROM timeline_entries WHERE dossier_id = $1 ORDER BY sequence`, [dossierId]);
    return rows.map(toRecordedEntry);
  }

  async headOf(manager: EntityManager, dossierId: string): Promise<{ sequence: number; hash: string } | undefined> {
    const [head]: Array<{ sequence: number; hash: string }> = await manager.query(`SELECT sequence, hash FROM timeline_chain_heads WHERE dossier_id = $1`, [dossierId]);
    return head;
  }

  /** A page of entries after `afterPosition` in recording order (keyset pagination for replays). */
  async pageAfter(manager: EntityManager, afterPosition: string, limit: number): Promise<RecordedEntry[]> {
    const rows: EntryRow[] = await manager.query(`SELECT ${COLUMNS} FROM timeline_entries WHERE position > $1 ORDER BY position LIMIT $2`, [afterPosition, limit]);
    return rows.map(toRecordedEntry);
  }

  /** Dossier ids in order, after `afterDossierId`: heads and entries alike, so a dossier with a lost head is still checked. */
  async dossierIdsAfter(manager: EntityManager, afterDossierId: string, limit: number): Promise<string[]> {
    const rows: Array<{ dossier_id: string }> = await manager.query(
      `SELECT dossier_id FROM (
         SELECT dossier_id FROM timeline_chain_heads WHERE dossier_id > $1
         UNION SELECT DISTINCT dossier_id FROM timeline_entries WHERE dossier_id > $1
       ) ids ORDER BY dossier_id LIMIT $2`,
      [afterDossierId, limit],
    );
    return rows.map((row) => row.dossier_id);
  }

  async countDossiers(manager: EntityManager): Promise<number> {
    const [row]: Array<{ count: string }> = await manager.query(`SELECT count(*)::text AS count FROM timeline_chain_heads`);
    return Number(row.count);
  }
}
