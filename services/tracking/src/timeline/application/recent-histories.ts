import type { RecordedEntry } from './recorded-entry';

/** A dossier's chain head as locked by the run: its last entry's sequence and hash (sequence 0: no entry yet). */
export interface ChainHead {
  readonly sequence: number;
  readonly hash: string;
}

/**
 * About 600 dossiers of 17 events each: the dossiers in flight at a busy postal province's moment, a few
 * tens of megabytes of parsed events at most.
 */
export const RECENT_HISTORY_ENTRIES = 10_000;

/**
 * The timelines of the dossiers tracking recorded lately, kept between consumer runs, so that a run reads
 * from PostgreSQL only the timelines it does not hold (issue 11: every run re-read each touched dossier's
 * whole timeline, payloads included, about 150 rows per dossier's journey).
 *
 * A held timeline is trusted only when its last entry is the dossier's chain head as the run locked it:
 * entries are append-only and each one's hash covers the entry before it, so a timeline that ends at the
 * head is the stored one. Anything else (another instance of tracking appended since, or the run that
 * remembered it rolled back) misses, and the timeline is read again. The oldest timelines go first once
 * more than `maxEntries` entries are held. A maintenance job deleting entries (the table's escape hatch)
 * must restart tracking: the held timelines would still hold what it deleted.
 */
export class RecentHistories {
  /** In the order last remembered: the first one is the oldest. */
  private readonly byDossier = new Map<string, readonly RecordedEntry[]>();
  private entries = 0;

  constructor(private readonly maxEntries = RECENT_HISTORY_ENTRIES) {}

  /** The dossier's stored timeline when it is known without reading it, else undefined. */
  upTo(dossierId: string, head: ChainHead): readonly RecordedEntry[] | undefined {
    if (head.sequence === 0) return [];
    const history = this.byDossier.get(dossierId);
    const last = history?.at(-1);
    return last && last.sequence === head.sequence && last.hash === head.hash ? history : undefined;
  }

  remember(dossierId: string, history: readonly RecordedEntry[]): void {
    this.forget(dossierId);
    this.byDossier.set(dossierId, history);
    this.entries += history.length;
    for (const [oldest] of this.byDossier) {
      if (this.entries <= this.maxEntries) break;
      this.forget(oldest);
    }
  }

  /** How many dossiers' timelines are held. */
  get size(): number {
    return this.byDossier.size;
  }

  private forget(dossierId: string): void {
    const held = this.byDossier.get(dossierId);
    if (!held) return;
    this.byDossier.delete(dossierId);
    this.entries -= held.length;
  }
}
