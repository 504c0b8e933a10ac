import { toVietnamDate, type LocalDate } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import type { ReferenceData } from '../../reference-data/reference-data';
import type { RecordedEntry } from '../../timeline/application/recorded-entry';
import type { DossierHistory, ProjectionMode, ProjectionWrites, TimelineProjection } from '../../timeline/application/timeline-projection';
import { immediateWrites } from '../../timeline/persistence/projection-writes';
import { TimelineRepository } from '../../timeline/persistence/timeline.repository';
import { summarizeDossier } from '../domain/dossier-summary';
import { DossierSummaryRepository } from '../persistence/dossier-summary.repository';

/**
 * Keeps `dossier_summaries` (and the search references) current. Each entry re-derives its dossier's
 * summary from all of the dossier's timeline entries, so arrival order never matters; a replay only
 * notes the dossiers and derives each once at the end.
 */
export class DossierSummaryProjection implements TimelineProjection {
  readonly name = 'dossier-summaries';
  private readonly timeline = new TimelineRepository();
  private readonly summaries = new DossierSummaryRepository();
  private readonly pending = new Set<string>();

  constructor(private readonly referenceData: ReferenceData) {}

  async apply(entry: RecordedEntry, manager: EntityManager, mode: ProjectionMode, history?: DossierHistory, writes?: ProjectionWrites): Promise<void> {
    if (mode === 'replay') this.pending.add(entry.dossierId);
    else await this.refresh(manager, entry.dossierId, history, writes);
  }

  async reset(manager: EntityManager): Promise<void> {
    this.pending.clear();
    await this.summaries.deleteAll(manager);
  }

  async finishReplay(manager: EntityManager): Promise<void> {
    for (const dossierId of [...this.pending].sort()) await this.refresh(manager, dossierId);
    this.pending.clear();
  }

  async refresh(manager: EntityManager, dossierId: string, history?: DossierHistory, writes: ProjectionWrites = immediateWrites(manager)): Promise<void> {
    const entries = history ? await history() : await this.timeline.entriesOf(manager, dossierId);
    if (entries.length === 0) return;
    const summary = summarizeDossier(dossierId, entries.map((entry) => entry.event));
    // Places are judged by the catalog in force on the intake day (a postal point's commune may have merged since).
    const day: LocalDate = summary.intakeDay ?? toVietnamDate(new Date(summary.firstEventAt));
    const provinceCode = summary.intakePostalCode ? this.referenceData.provinceOfPostalPoint(summary.intakePostalCode, day) : undefined;
    const agencyProvinceCode = summary.agencyId ? this.referenceData.provinceOfAgency(summary.agencyId, day) : undefined;
    await writes.write(this.summaries.saveStatement(summary, { provinceCode, agencyProvinceCode }));
  }
}
