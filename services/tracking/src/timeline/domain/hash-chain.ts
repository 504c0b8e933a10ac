import { createHash } from 'node:crypto';
import { canonicalJson } from '@bcci/kernel';

/** The "previous hash" of a dossier's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * What the hash of a timeline entry covers: every column of the entry plus the whole event envelope.
 * Instants are ISO 8601 UTC with milliseconds (`Date.toISOString()`), so what the database returns
 * re-hashes to the same value.
 */
export interface ChainedRecord {
  readonly dossierId: string;
  /** 1, 2, 3… per dossier in recording order. */
  readonly sequence: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly eventTime: string;
  readonly recordedAt: string;
  readonly stage: string;
  readonly postalCode: string | null;
  readonly actorRole: string | null;
  readonly nationalStatus: number | null;
  readonly event: unknown;
}

export interface ChainedEntry extends ChainedRecord {
  readonly previousHash: string;
  readonly hash: string;
}

/** sha256(previous hash ‖ canonical JSON of the record), hex. */
export function chainHash(previousHash: string, record: ChainedRecord): string {
  const canonical = canonicalJson({
    actorRole: record.actorRole,
    dossierId: record.dossierId,
    event: record.event,
    eventId: record.eventId,
    eventTime: record.eventTime,
    eventType: record.eventType,
    nationalStatus: record.nationalStatus,
    postalCode: record.postalCode,
    recordedAt: record.recordedAt,
    sequence: record.sequence,
    stage: record.stage,
  });
  return createHash('sha256').update(previousHash, 'utf8').update(canonical, 'utf8').digest('hex');
}

/** The next link: the record chained after the dossier's current head. */
export function chainAfter(head: { sequence: number; hash: string }, record: Omit<ChainedRecord, 'sequence'>): ChainedEntry {
  const chained: ChainedRecord = { ...record, sequence: head.sequence + 1 };
  return { ...chained, previousHash: head.hash, hash: chainHash(head.hash, chained) };
}

export type ChainBreakReason = 'sequence-gap' | 'previous-hash-mismatch' | 'hash-mismatch' | 'head-mismatch' | 'wrong-dossier';

export interface ChainBreak {
  readonly dossierId: string;
  /** Sequence of the first entry that does not verify (for a truncated tail: the head's sequence). */
  readonly sequence: number;
  readonly eventId?: string;
  readonly reason: ChainBreakReason;
}

export type ChainCheck = { readonly ok: true; readonly entries: number } | { readonly ok: false; readonly entries: number; readonly firstBreak: ChainBreak };

/**
 * Verifies one dossier's chain: entries in sequence order, each linked to its predecessor and hashing
 * to its stored hash. With the recorded head (last sequence and hash), a deleted last entry is caught
 * too. Returns the first entry that fails: everything after it is unproven.
 */
export function verifyChain(dossierId: string, entries: readonly ChainedEntry[], head?: { sequence: number; hash: string }): ChainCheck {
  let expectedPrevious = GENESIS_HASH;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const broken = (reason: ChainBreakReason): ChainCheck => ({
      ok: false,
      entries: entries.length,
      firstBreak: { dossierId, sequence: entry.sequence, eventId: entry.eventId, reason },
    });
    if (entry.dossierId !== dossierId) return broken('wrong-dossier');
    if (entry.sequence !== index + 1) return broken('sequence-gap');
    if (entry.previousHash !== expectedPrevious) return broken('previous-hash-mismatch');
    if (chainHash(entry.previousHash, entry) !== entry.hash) return broken('hash-mismatch');
    expectedPrevious = entry.hash;
  }
  if (head && (head.sequence !== entries.length || (entries.length > 0 && head.hash !== expectedPrevious))) {
    return { ok: false, entries: entries.length, firstBreak: { dossierId, sequence: Math.min(head.sequence, entries.length + 1), reason: 'head-mismatch' } };
  }
  return { ok: true, entries: entries.length };
}
