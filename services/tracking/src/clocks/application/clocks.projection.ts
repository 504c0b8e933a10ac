import type { EntityManager } from 'typeorm';
import type { RecordedEntry } from '../../timeline/application/recorded-entry';
import type { LiveDossier, ProjectionWrites, TimelineProjection } from '../../timeline/application/timeline-projection';
import { immediateWrites } from '../../timeline/persistence/projection-writes';
import { TimelineRepository } from '../../timeline/persistence/timeline.repository';
import { clockStatusOn } from '../domain/clock-status';
import { deriveClocks } from '../domain/derive-clocks';
import { DossierClockRepository } from '../persistence/dossier-clock.repository';
import type { ClockSettings } from './clock-settings';

/**
 * Keeps `dossier_clocks` current: a dossier's clocks are re-derived from all its timeline entries and
 * read on today's date, live once per dossier per consumer run (one statement for the run). Replays
 * derive each dossier once at the end.
 */
export class ClocksProjection implements TimelineProjection {
  readonly name = 'dossier-clocks';
  private readonly timeline = new TimelineRepository();
  private readonly clocks = new DossierClockRepository();
  private readonly pending = new Set<string>();

  constructor(private readonly settings: ClockSettings) {}

  async applyLive(dossiers: readonly LiveDossier[], _manager: EntityManager, writes: ProjectionWrites): Promise<void> {
    await this.write(
      dossiers.map((dossier) => ({ dossierId: dossier.dossierId, history: dossier.history })),
      writes,
    );
  }

  async replay(entry: RecordedEntry): Promise<void> {
    this.pending.add(entry.dossierId);
  }

  async reset(manager: EntityManager): Promise<void> {
    this.pending.clear();
    await this.clocks.deleteAll(manager);
  }

  async finishReplay(manager: EntityManager): Promise<void> {
    for (const dossierId of [...this.pending].sort()) await this.write([{ dossierId, history: await this.timeline.entriesOf(manager, dossierId) }], immediateWrites(manager));
    this.pending.clear();
  }

  private async write(dossiers: ReadonlyArray<{ dossierId: string; history: readonly RecordedEntry[] }>, writes: ProjectionWrites): Promise<void> {
    if (dossiers.length === 0) return;
    const today = this.settings.today();
    const derived = dossiers.map(({ dossierId, history }) => ({
      dossierId,
      clocks: deriveClocks(history.map((entry) => entry.event), this.settings.rules).map((clock) => ({ clock, status: clockStatusOn(clock, today, this.settings.reading) })),
    }));
    await writes.write(this.clocks.replaceForDossiersStatement(derived, today));
  }
}
