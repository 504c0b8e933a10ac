import type { StoredFact } from '../persistence/dossier-facts.repository';

/** A dossier's chain head: its last timeline entry's sequence and hash (sequence 0: no entry yet). */
export interface FactHead {
  readonly sequence: number;
  readonly hash: string;
}

/** About as many dossiers as RecentHistories holds timelines of: the dossiers in flight. */
export const RECENT_FACTS = 10_000;

/**
 * The counting facts this process saved lately, each with the chain head it was folded up to, so that a
 * consumer run folds its entries onto the fact it saved last time instead of reading (and locking) the
 * dossier's row again: one round trip less per run (issue 11).
 *
 * A held fact is trusted only when the run's locked head is the one it was folded up to. Live, a
 * dossier's fact changes only in a run that holds the dossier's chain head, and only by folding the
 * entries that run appends, so a fact folded up to the locked head is the stored one: another instance
 * of tracking that recorded the dossier since moved its head, and a run that rolled back left the head
 * where it was, so both miss and the fact is read again. A rebuild (same release, same rules) folds the
 * same entries into the same facts. A migration that rewrites facts runs before the consumer starts,
 * when nothing is held. Oldest first out past `maxFacts`.
 */
export class RecentFacts {
  /** In the order last remembered: the first one is the oldest. */
  private readonly byDossier = new Map<string, { readonly head: FactHead; readonly stored: StoredFact }>();

  constructor(private readonly maxFacts = RECENT_FACTS) {}

  /** The dossier's stored fact when it is known without reading it, else undefined. */
  upTo(dossierId: string, head: FactHead): StoredFact | undefined {
    const held = this.byDossier.get(dossierId);
    return held && held.head.sequence === head.sequence && held.head.hash === head.hash ? held.stored : undefined;
  }

  remember(dossierId: string, head: FactHead, stored: StoredFact): void {
    this.byDossier.delete(dossierId);
    this.byDossier.set(dossierId, { head, stored });
    for (const [oldest] of this.byDossier) {
      if (this.byDossier.size <= this.maxFacts) break;
      this.byDossier.delete(oldest);
    }
  }

  /** Before a rebuild in this process: what it rewrites is read again. */
  clear(): void {
    this.byDossier.clear();
  }

  get size(): number {
    return this.byDossier.size;
  }
}
