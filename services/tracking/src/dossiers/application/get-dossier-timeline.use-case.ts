import type { Actor } from '@bcci/auth';
import { NotFoundError } from '@bcci/kernel';
import { readInOneSnapshot } from '@bcci/persistence';
import type { DataSource } from 'typeorm';
import { DossierClockRepository } from '../../clocks/persistence/dossier-clock.repository';
import { clockStatusOn, type ClockStatus } from '../../clocks/domain/clock-status';
import type { DossierClock } from '../../clocks/domain/dossier-clock';
import type { ClockSettings } from '../../clocks/application/clock-settings';
import { STAGE_NAMES_VI, type Stage } from '../../timeline/domain/stage';
import { compareByEventTime } from '../../timeline/domain/timeline-order';
import { TimelineRepository } from '../../timeline/persistence/timeline.repository';
import { DossierSummaryRepository, type StoredDossierSummary } from '../persistence/dossier-summary.repository';
import { assertMayRead } from './reader-scope';

export interface TimelineItem {
  sequence: number;
  eventId: string;
  eventType: string;
  eventTime: string;
  recordedAt: string;
  stage: Stage;
  stageVi: string;
  postalCode: string | null;
  actorRole: string | null;
  nationalStatus: number | null;
  /** The event's data (opaque references only: no personal data travels in events). */
  data: Record<string, unknown>;
  hash: string;
}

export interface DossierTimeline {
  dossier: StoredDossierSummary;
  clocks: Array<DossierClock & { status: ClockStatus }>;
  /** By event time (display order); `sequence` is the chain (recording) order. */
  entries: TimelineItem[];
}

export function dossierNotFound(dossierId: string): NotFoundError {
  return new NotFoundError({ code: 'dossier.not-found', message: `No dossier ${dossierId} on the timeline`, messageVi: 'Không tìm thấy hồ sơ.' });
}

/** The full timeline of one dossier for a reader within scope. */
export class GetDossierTimeline {
  private readonly summaries = new DossierSummaryRepository();
  private readonly timeline = new TimelineRepository();
  private readonly clocks = new DossierClockRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ClockSettings,
  ) {}

  async execute(actor: Actor, dossierId: string): Promise<DossierTimeline> {
    // One snapshot for the summary, the entries and the clocks: read apart (two connections at once),
    // a consumer run committing in between showed "supplement completed" beside a clock still paused.
    const { dossier, entries, clocks } = await readInOneSnapshot(this.dataSource, async (manager) => {
      const summary = await this.summaries.find(manager, dossierId);
      if (!summary) throw dossierNotFound(dossierId);
      assertMayRead(actor, summary);
      return { dossier: summary, entries: await this.timeline.entriesOf(manager, dossierId), clocks: await this.clocks.forDossier(manager, dossierId) };
    });
    const today = this.settings.today();
    return {
      dossier,
      clocks: clocks.map((clock) => ({ ...clock, status: clockStatusOn(clock, today, this.settings.reading) })),
      entries: [...entries].sort(compareByEventTime).map((entry) => ({
        sequence: entry.sequence,
        eventId: entry.eventId,
        eventType: entry.eventType,
        eventTime: entry.eventTime,
        recordedAt: entry.recordedAt,
        stage: entry.stage,
        stageVi: STAGE_NAMES_VI[entry.stage],
        postalCode: entry.postalCode,
        actorRole: entry.actorRole,
        nationalStatus: entry.nationalStatus,
        data: entry.event.data,
        hash: entry.hash,
      })),
    };
  }
}
