import type { EntityManager } from 'typeorm';
import type { DossierHistory, ProjectionMode, ProjectionWrites, TimelineProjection } from '../../timeline/application/timeline-projection';
import { immediateWrites } from '../../timeline/persistence/projection-writes';
import type { RecordedEntry } from '../../timeline/application/recorded-entry';
import { contributionsOf, diffContributions } from '../domain/contributions';
import { foldEvent } from '../domain/dossier-fact';
import { isDossierOpen } from '../domain/dossier-open';
import type { UnitResolver } from '../domain/units';
import { DailyCountsRepository } from '../persistence/daily-counts.repository';
import { DossierFactsRepository } from '../persistence/dossier-facts.repository';
import { StageMinutesRepository } from '../persistence/stage-minutes.repository';

export interface ProjectionObserver {
  /** Live entries only: seconds from the event's time to its recording (projection lag). */
  observeLag(seconds: number, eventType: string): void;
}

/**
 * Counting as a projection of the timeline: each newly recorded entry folds into its dossier's fact,
 * and the difference between the fact's contributions before and after goes into the daily counts.
 * The timeline records an event once (inbox + unique event id), so counters move once; a replay folds
 * the same events into the same facts, hence the same counts.
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

  async apply(entry: RecordedEntry, manager: EntityManager, mode: ProjectionMode, _history?: DossierHistory, writes: ProjectionWrites = immediateWrites(manager)): Promise<void> {
    const stored = await this.facts.lock(manager, entry.dossierId);
    const event = { ...entry.event, id: entry.eventId, type: entry.eventType, time: entry.eventTime };
    const next = foldEvent(stored.fact, event);
    await this.counts.add(manager, diffContributions(contributionsOf(stored.fact, this.units), contributionsOf(next, this.units)));
    // The current stage is the stage of the latest event by event time (ties: the later recorded).
    const later = stored.stageEventTime === null || entry.eventTime >= stored.stageEventTime;
    const stage = later ? entry.stage : stored.stage;
    const stageTime = later ? entry.eventTime : stored.stageEventTime;
    await writes.write(this.facts.saveStatement(next, stage, stageTime, isDossierOpen(next)));
    // Throughput per minute per stage, by event time so a replay rebuilds the same buckets.
    await writes.write(this.stageMinutes.countStatement(entry.eventTime, entry.stage, entry.postalCode));
    if (mode === 'live') this.observer?.observeLag(Math.max(0, (Date.parse(entry.recordedAt) - Date.parse(entry.eventTime)) / 1000), entry.eventType);
  }

  async reset(manager: EntityManager): Promise<void> {
    await this.facts.reset(manager);
    await this.counts.reset(manager);
    await this.stageMinutes.reset(manager);
  }
}
