import type { EntityManager } from 'typeorm';
import type { LiveDossier, ProjectionWrites, TimelineProjection } from '../../timeline/application/timeline-projection';
import { immediateWrites } from '../../timeline/persistence/projection-writes';
import type { RecordedEntry } from '../../timeline/application/recorded-entry';
import { contributionsOf, diffContributions, mergeContributions, type Contribution } from '../domain/contributions';
import { foldEvent } from '../domain/dossier-fact';
import { isDossierOpen } from '../domain/dossier-open';
import type { UnitResolver } from '../domain/units';
import { DailyCountsRepository } from '../persistence/daily-counts.repository';
import { DossierFactsRepository, type SavedFact, type StoredFact } from '../persistence/dossier-facts.repository';
import { StageMinutesRepository } from '../persistence/stage-minutes.repository';

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

  constructor(
    private readonly units: UnitResolver,
    private readonly observer?: ProjectionObserver,
  ) {}

  async applyLive(dossiers: readonly LiveDossier[], manager: EntityManager, writes: ProjectionWrites): Promise<void> {
    await this.fold(
      dossiers.map((dossier) => ({ dossierId: dossier.dossierId, entries: dossier.appended })),
      manager,
      writes,
    );
    for (const dossier of dossiers) {
      for (const entry of dossier.appended) this.observer?.observeLag(Math.max(0, (Date.parse(entry.recordedAt) - Date.parse(entry.eventTime)) / 1000), entry.eventType);
    }
  }

  async replay(entry: RecordedEntry, manager: EntityManager): Promise<void> {
    await this.fold([{ dossierId: entry.dossierId, entries: [entry] }], manager, immediateWrites(manager));
  }

  async reset(manager: EntityManager): Promise<void> {
    await this.facts.reset(manager);
    await this.counts.reset(manager);
    await this.stageMinutes.reset(manager);
  }

  private async fold(dossiers: ReadonlyArray<{ dossierId: string; entries: readonly RecordedEntry[] }>, manager: EntityManager, writes: ProjectionWrites): Promise<void> {
    const entries = dossiers.flatMap((dossier) => dossier.entries);
    if (entries.length === 0) return;
    const stored = await this.facts.lockAll(
      manager,
      dossiers.map((dossier) => dossier.dossierId),
    );
    const changes: Contribution[] = [];
    const saved: SavedFact[] = [];
    for (const { dossierId, entries: appended } of dossiers) {
      const before = stored.get(dossierId)!;
      const after = appended.reduce(foldEntry, before);
      changes.push(...diffContributions(contributionsOf(before.fact, this.units), contributionsOf(after.fact, this.units)));
      saved.push({ ...after, open: isDossierOpen(after.fact) });
    }
    await this.counts.add(manager, mergeContributions(changes));
    await writes.write(this.facts.saveStatement(saved));
    // Throughput per minute per stage, by event time so a replay rebuilds the same buckets.
    await writes.write(this.stageMinutes.countStatement(entries));
  }
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
