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

  /** Locks the dossier's chain head (creating it at the genesis) for the rest of the transaction. */
  async lockHead(manager: EntityManager, dossierId: string): Promise<{ sequence: number; hash: string }> {
    // Created at the genesis or, when it exists, locked by a no-op update and read, in one statement.
    const [head]: Array<{ sequence: number; hash: string }> = await manager.query(
      `INSERT INTO timeline_chain_heads (dossier_id, sequence, hash) VALUES ($1, 0, $2)
       ON CONFLICT (dossier_id) DO UPDATE SET sequence = timeline_chain_heads.sequence
       RETURNING sequence, hash`,
      [dossierId, GENESIS_HASH],
    );
    return head;
  }

  /**
   * Appends the entry and moves the chain head to it, in one statement, unless the event is already on
   * the timeline (then nothing is written and undefined is returned). Called with the head locked
   * (lockHead): this statement's snapshot, taken after the lock, sees every entry committed before.
   * The same statement returns the dossier's whole timeline with the new entry, in chain order, which
   * the live projections derive from: one round trip per recorded event instead of two.
   */
  async appendUnlessRecorded(manager: EntityManager, entry: ChainedEntry): Promise<{ recorded: RecordedEntry; history: RecordedEntry[] } | undefined> {
    const rows: Array<EntryRow & { just_appended: boolean }> = await manager.query(
      `WITH appended AS (
         INSERT INTO timeline_entries (dossier_id, sequence, event_id, event_type, event_time, recorded_at, stage, postal_code, actor_role,
           national_status, payload, previous_hash, hash)
         SELECT $1::uuid, $2::int, $3::uuid, $4::text, $5::timestamptz, $6::timestamptz, $7::text, $8::text, $9::text, $10::smallint, $11::jsonb, $12::text, $13::text
         WHERE NOT EXISTS (SELECT 1 FROM timeline_entries WHERE event_id = $3)
         RETURNING ${COLUMNS}),
       moved AS (UPDATE timeline_chain_heads SET sequence = $2, hash = $13 WHERE dossier_id = $1 AND EXISTS (SELECT 1 FROM appended))
       SELECT true AS just_appended, appended.* FROM appended
       UNION ALL
       -- The statement's snapshot does not hold the row it inserts: the earlier entries come from the table.
       SELECT false, ${COLUMNS} FROM timeline_entries WHERE dossier_id = $1 AND EXISTS (SELECT 1 FROM appended)
       ORDER BY sequence`,
      [
        entry.dossierId,
        entry.sequence,
        entry.eventId,
        entry.eventType,
        entry.eventTime,
        entry.recordedAt,
        entry.stage,
        entry.postalCode,
        entry.actorRole,
        entry.nationalStatus,
        JSON.stringify(entry.event),
        entry.previousHash,
        entry.hash,
      ],
    );
    const appended = rows.find((row) => row.just_appended);
    if (!appended) return undefined;
    return { recorded: toRecordedEntry(appended), history: rows.map(toRecordedEntry) };
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
