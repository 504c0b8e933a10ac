import { toVietnamDate, type LocalDate } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import type { ReferenceData } from '../../reference-data/reference-data';
import type { RecordedEntry } from '../../timeline/application/recorded-entry';
import type { LiveDossier, ProjectionWrites, TimelineProjection } from '../../timeline/application/timeline-projection';
import { immediateWrites } from '../../timeline/persistence/projection-writes';
import { TimelineRepository } from '../../timeline/persistence/timeline.repository';
import { summarizeDossier, type DossierSummary } from '../domain/dossier-summary';
import { DossierSummaryRepository, type SummaryPlaces } from '../persistence/dossier-summary.repository';

/**
 * Keeps `dossier_summaries` (and the search references) current. A dossier's summary is re-derived
 * from all of its timeline entries, so arrival order never matters: live, once per dossier per consumer
 * run (all the run's summaries in one statement); a replay only notes the dossiers and derives each
 * once at the end.
 */
export class DossierSummaryProjection implements TimelineProjection {
  readonly name = 'dossier-summaries';
  private readonly timeline = new TimelineRepository();
  private readonly summaries = new DossierSummaryRepository();
  private readonly pending = new Set<string>();

  constructor(private readonly referenceData: ReferenceData) {}

  async applyLive(dossiers: readonly LiveDossier[], _manager: EntityManager, writes: ProjectionWrites): Promise<void> {
    const saved = dossiers.filter((dossier) => dossier.history.length > 0).map((dossier) => this.derive(dossier.dossierId, dossier.history));
    if (saved.length > 0) await writes.write(this.summaries.saveStatement(saved));
  }

  async replay(entry: RecordedEntry): Promise<void> {
    this.pending.add(entry.dossierId);
  }

  async reset(manager: EntityManager): Promise<void> {
    this.pending.clear();
    await this.summaries.deleteAll(manager);
  }

  async finishReplay(manager: EntityManager): Promise<void> {
    for (const dossierId of [...this.pending].sort()) await this.refresh(manager, dossierId);
    this.pending.clear();
  }

  private async refresh(manager: EntityManager, dossierId: string): Promise<void> {
    const entries = await this.timeline.entriesOf(manager, dossierId);
    if (entries.length === 0) return;
    await immediateWrites(manager).write(this.summaries.saveStatement([this.derive(dossierId, entries)]));
  }

  private derive(dossierId: string, entries: readonly RecordedEntry[]): { summary: DossierSummary; places: SummaryPlaces } {
    const summary = summarizeDossier(dossierId, entries.map((entry) => entry.event));
    // Places are judged by the catalog in force on the intake day (a postal point's commune may have merged since).
    const day: LocalDate = summary.intakeDay ?? toVietnamDate(new Date(summary.firstEventAt));
    const provinceCode = summary.intakePostalCode ? this.referenceData.provinceOfPostalPoint(summary.intakePostalCode, day) : undefined;
    const agencyProvinceCode = summary.agencyId ? this.referenceData.provinceOfAgency(summary.agencyId, day) : undefined;
    return { summary, places: { provinceCode, agencyProvinceCode } };
  }
}
