import { Injectable } from '@nestjs/common';
import type { TimelineProjection } from './application/timeline-projection';

/**
 * The projections every newly recorded entry is applied to, live. Feature modules register theirs in
 * `onModuleInit` (all registrations happen before the consumer starts, at application bootstrap).
 * The rebuild command builds the same list outside Nest: see src/projections/rebuildable-projections.ts.
 */
@Injectable()
export class TimelineProjections {
  private readonly projections: TimelineProjection[] = [];

  register(projection: TimelineProjection): void {
    if (this.projections.some((existing) => existing.name === projection.name)) throw new Error(`projection ${projection.name} registered twice`);
    this.projections.push(projection);
  }

  all(): readonly TimelineProjection[] {
    return this.projections;
  }
}
