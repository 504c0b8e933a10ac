import type { DataSource } from 'typeorm';
import { TimelineRepository } from '../persistence/timeline.repository';
import { PROJECTION_REBUILD_LOCK } from './record-timeline-entry.use-case';
import type { TimelineProjection } from './timeline-projection';

export interface ReplayProgress {
  readonly entries: number;
  readonly lastPosition: string;
}

export interface ReplayOptions {
  /** Entries per page read from the timeline (default 1000). */
  readonly pageSize?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

/**
 * Rebuilds projections from the timeline: resets them, streams every entry in recording order to each,
 * then lets each finish. One transaction, so readers see the old projection until the new one is
 * complete; live recording waits on the rebuild lock meanwhile, so no event falls between the two.
 */
export class TimelineReplayer {
  private readonly timeline = new TimelineRepository();

  constructor(private readonly dataSource: DataSource) {}

  async rebuild(projections: readonly TimelineProjection[], options: ReplayOptions = {}): Promise<ReplayProgress> {
    const pageSize = options.pageSize ?? 1000;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [PROJECTION_REBUILD_LOCK]);
      for (const projection of projections) await projection.reset(manager);
      let progress: ReplayProgress = { entries: 0, lastPosition: '0' };
      for (;;) {
        const page = await this.timeline.pageAfter(manager, progress.lastPosition, pageSize);
        if (page.length === 0) break;
        for (const entry of page) {
          for (const projection of projections) await projection.replay(entry, manager);
        }
        progress = { entries: progress.entries + page.length, lastPosition: page[page.length - 1].position };
        options.onProgress?.(progress);
      }
      for (const projection of projections) await projection.finishReplay?.(manager);
      return progress;
    });
  }
}
