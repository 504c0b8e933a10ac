import { HeldAtHead, type ChainHead } from './held-at-head';
import type { RecordedEntry } from './recorded-entry';

/**
 * About 600 dossiers of 17 events each: the dossiers in flight at a busy postal province's moment, a few
 * tens of megabytes of parsed events at most.
 */
export const RECENT_HISTORY_ENTRIES = 10_000;

/**
 * The timelines of the dossiers tracking recorded lately, kept between consumer runs, so that a run reads
 * from PostgreSQL only the timelines it does not hold (issue 11: every run re-read each touched dossier's
 * whole timeline, payloads included, about 150 rows per dossier's journey). A held timeline is trusted
 * only when its last entry is the dossier's chain head as the run locked it (HeldAtHead). The oldest
 * timelines go first once more than `maxEntries` entries are held. A maintenance job deleting entries (the
 * table's escape hatch) must restart tracking: the held timelines would still hold what it deleted.
 */
export class RecentHistories {
  private readonly held: HeldAtHead<readonly RecordedEntry[]>;

  constructor(maxEntries = RECENT_HISTORY_ENTRIES) {
    this.held = new HeldAtHead<readonly RecordedEntry[]>(maxEntries, (history) => history.length);
  }

  /** The dossier's stored timeline when it is known without reading it, else undefined. */
  upTo(dossierId: string, head: ChainHead): readonly RecordedEntry[] | undefined {
    if (head.sequence === 0) return [];
    return this.held.upTo(dossierId, head);
  }

  /** A dossier's timeline, current at its last entry. */
  remember(dossierId: string, history: readonly RecordedEntry[]): void {
    const last = history.at(-1);
    if (last) this.held.remember(dossierId, { sequence: last.sequence, hash: last.hash }, history);
  }

  /** How many dossiers' timelines are held. */
  get size(): number {
    return this.held.size;
  }
}
