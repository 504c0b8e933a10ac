import { HeldAtHead } from '../../timeline/application/held-at-head';
import type { StoredFact } from '../persistence/dossier-facts.repository';

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
 * when nothing is held (HeldAtHead). Oldest first out past `maxFacts`.
 */
export class RecentFacts extends HeldAtHead<StoredFact> {
  constructor(maxFacts = RECENT_FACTS) {
    super(maxFacts);
  }
}
