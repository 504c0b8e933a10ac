import type { EntityManager } from 'typeorm';
import type { LiveDossier, ProjectionWrites, TimelineProjection } from '../../timeline/application/timeline-projection';
import { immediateWrites } from '../../timeline/persistence/projection-writes';
import type { RecordedEntry } from '../../timeline/application/recorded-entry';
import { contributionChanges, contributionsOf, mergeContributions, type Contribution } from '../domain/contributions';
import { emptyFact, foldEvent, type DossierFact } from '../domain/dossier-fact';
import { isDossierOpen } from '../domain/dossier-open';
import type { UnitResolver } from '../domain/units';
import { DailyCountsRepository } from '../persistence/daily-counts.repository';
import { DossierFactsRepository, type SavedFact, type StoredFact } from '../persistence/dossier-facts.repository';
import { StageMinutesRepository } from '../persistence/stage-minutes.repository';
import type { ChainHead } from '../../timeline/application/held-at-head';
import { RecentFacts } from './recent-facts';

export interface ProjectionObserver {
  /** Live entries only: seconds from the event's time to its recording (projection lag). */
  observeLag(seconds: number, eventType: string): void;
}

/**
 * Counting as a projection of the timeline: each newly recorded entry folds into its dossier's fact,
 * and the difference between the fact's contributions before and after goes into the daily counts.
 * The timeline records an event once (inbox + unique event id), so counters move once; a replay folds
 * the same events into the same facts, hence the same counts. Live, a consumer run's entries fold
 * dossier by dossier and the run's differences go to the counts together (they add up to the same).
 */
export class CountingProjection implements TimelineProjection {
  readonly name = 'counting';
  private readonly facts = new DossierFactsRepository();
  private readonly counts = new DailyCountsRepository();
  private readonly stageMinutes = new StageMinutesRepository();
  private readonly recent = new RecentFacts();
  /**
   * Contributions by fact (facts are never changed, a fold makes a new one): the fact a run folds onto
   * is usually the one the run before folded to, whose contributions were worked out then.
   */
  private readonly contributionsByFact = new WeakMap<DossierFact, Contribution[]>();

  constructor(
    private readonly units: UnitResolver,
    private readonly observer?: ProjectionObserver,
  ) {}

  async applyLive(dossiers: readonly LiveDossier[], manager: EntityManager, writes: ProjectionWrites): Promise<void> {
    // Each dossier's fact as it stood before this run's entries: held when this process folded it up to
    // the head the run locked, the genesis for a dossier with no entry before, else read (and locked).
    const known = new Map<string, StoredFact>();
    const unknown: string[] = [];
    for (const dossier of dossiers) {
      const head = headBefore(dossier);
      const held = head.sequence === 0 ? genesisOf(dossier.dossierId) : this.recent.upTo(dossier.dossierId, head);
      if (held) known.set(dossier.dossierId, held);
      else unknown.push(dossier.dossierId);
    }
    const read = unknown.length > 0 ? await this.facts.lockAll(manager, unknown) : new Map<string, StoredFact>();
    const saved = await this.fold(
      dossiers.map((dossier) => ({ dossierId: dossier.dossierId, entries: dossier.appended, before: known.get(dossier.dossierId) ?? read.get(dossier.dossierId)! })),
      manager,
      writes,
    );
    // Remembered before the commit: should the transaction roll back, the head stays where it was and
    // no longer matches, so the next run reads the fact again.
    for (const dossier of dossiers) {
      const last = dossier.appended.at(-1);
      const fact = saved.get(dossier.dossierId);
      if (last && fact) this.recent.remember(dossier.dossierId, { sequence: last.sequence, hash: last.hash }, fact);
    }
    for (const dossier of dossiers) {
      for (const entry of dossier.appended) this.observer?.observeLag(Math.max(0, (Date.parse(entry.recordedAt) - Date.parse(entry.eventTime)) / 1000), entry.eventType);
    }
  }

  async replay(entry: RecordedEntry, manager: EntityManager): Promise<void> {
    const stored = await this.facts.lockAll(manager, [entry.dossierId]);
    await this.fold([{ dossierId: entry.dossierId, entries: [entry], before: stored.get(entry.dossierId)! }], manager, immediateWrites(manager));
  }

  async reset(manager: EntityManager): Promise<void> {
    this.recent.clear();
    await this.facts.reset(manager);
    await this.counts.reset(manager);
    await this.stageMinutes.reset(manager);
  }

  /** Folds each dossier's entries onto its fact, adds the differences to the counts, saves the facts; answers them. */
  private async fold(
    dossiers: ReadonlyArray<{ dossierId: string; entries: readonly RecordedEntry[]; before: StoredFact }>,
    manager: EntityManager,
    writes: ProjectionWrites,
  ): Promise<Map<string, StoredFact>> {
    const entries = dossiers.flatMap((dossier) => dossier.entries);
    const after = new Map<string, StoredFact>();
    if (entries.length === 0) return after;
    const changes: Contribution[] = [];
    const saved: SavedFact[] = [];
    for (const { dossierId, entries: appended, before } of dossiers) {
      const folded = appended.reduce(foldEntry, before);
      changes.push(...contributionChanges(this.contributionsOf(before.fact), this.contributionsOf(folded.fact)));
      saved.push({ ...folded, open: isDossierOpen(folded.fact) });
      after.set(dossierId, folded);
    }
    await this.counts.add(manager, mergeContributions(changes));
    await writes.write(this.facts.saveStatement(saved));
    // Throughput per minute per stage, by event time so a replay rebuilds the same buckets.
    await writes.write(this.stageMinutes.countStatement(entries));
    return after;
  }

  private contributionsOf(fact: DossierFact): Contribution[] {
    let contributions = this.contributionsByFact.get(fact);
    if (contributions === undefined) {
      contributions = contributionsOf(fact, this.units);
      this.contributionsByFact.set(fact, contributions);
    }
    return contributions;
  }
}

/** The dossier's chain head before the run's entries: the entry before the first appended, or the genesis. */
function headBefore(dossier: LiveDossier): ChainHead {
  const previous = dossier.history[dossier.history.length - dossier.appended.length - 1];
  return previous ? { sequence: previous.sequence, hash: previous.hash } : { sequence: 0, hash: '' };
}

/** The fact of a dossier nothing was recorded of yet (its row, if any, is created by the save). */
function genesisOf(dossierId: string): StoredFact {
  return { fact: emptyFact(dossierId), stage: null, stageEventTime: null };
}

/** One entry folded into its dossier's fact; the current stage is the latest event's by event time (ties: the later recorded). */
function foldEntry(stored: StoredFact, entry: RecordedEntry): StoredFact {
  const event = { ...entry.event, id: entry.eventId, type: entry.eventType, time: entry.eventTime };
  const later = stored.stageEventTime === null || entry.eventTime >= stored.stageEventTime;
  return {
    fact: foldEvent(stored.fact, event),
    stage: later ? entry.stage : stored.stage,
    stageEventTime: later ? entry.eventTime : stored.stageEventTime,
  };
}
