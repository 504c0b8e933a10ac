import type { EntityManager } from 'typeorm';
import type { RecordedEntry } from '../../timeline/application/recorded-entry';
import type { DossierHistory, ProjectionMode, ProjectionWrites, TimelineProjection } from '../../timeline/application/timeline-projection';
import { immediateWrites } from '../../timeline/persistence/projection-writes';
import { TimelineRepository } from '../../timeline/persistence/timeline.repository';
import { clockStatusOn } from '../domain/clock-status';
import { deriveClocks } from '../domain/derive-clocks';
import { DossierClockRepository } from '../persistence/dossier-clock.repository';
import type { ClockSettings } from './clock-settings';

/**
 * Keeps `dossier_clocks` current on each event: the dossier's clocks are re-derived from all its
 * timeline entries and read on today's date. Replays derive each dossier once at the end.
 */
export class ClocksProjection implements TimelineProjection {
  readonly name = 'dossier-clocks';
  private readonly timeline = new TimelineRepository();
  private readonly clocks = new DossierClockRepository();
  private readonly pending = new Set<string>();

  constructor(private readonly settings: ClockSettings) {}

  async apply(entry: RecordedEntry, manager: EntityManager, mode: ProjectionMode, history?: DossierHistory, writes?: ProjectionWrites): Promise<void> {
    if (mode === 'replay') this.pending.add(entry.dossierId);
    else await this.refresh(manager, entry.dossierId, history, writes);
  }

  async reset(manager: EntityManager): Promise<void> {
    this.pending.clear();
    await this.clocks.deleteAll(manager);
  }

  async finishReplay(manager: EntityManager): Promise<void> {
    for (const dossierId of [...this.pending].sort()) await this.refresh(manager, dossierId);
    this.pending.clear();
  }

  async refresh(manager: EntityManager, dossierId: string, history?: DossierHistory, writes: ProjectionWrites = immediateWrites(manager)): Promise<void> {
    const entries = history ? await history() : await this.timeline.entriesOf(manager, dossierId);
    const today = this.settings.today();
    const derived = deriveClocks(entries.map((entry) => entry.event), this.settings.rules);
    await writes.write(this.clocks.replaceForDossierStatement(dossierId, derived.map((clock) => ({ clock, status: clockStatusOn(clock, today, this.settings.reading) })), today));
  }
}
