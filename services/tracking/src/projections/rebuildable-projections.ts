import { ClockSettings } from '../clocks/application/clock-settings';
import { ClocksProjection } from '../clocks/application/clocks.projection';
import type { TrackingSettings } from '../config/tracking-config';
import { createCountingProjection } from '../counting/application/create-counting-projection';
import { DossierSummaryProjection } from '../dossiers/application/dossier-summary.projection';
import type { ReferenceData } from '../reference-data/reference-data';
import type { TimelineProjection } from '../timeline/application/timeline-projection';

export interface ProjectionDependencies {
  readonly referenceData: ReferenceData;
  readonly settings: TrackingSettings;
}

/**
 * Every projection the rebuild command replays the timeline into, built without Nest (the command must
 * not start the service's consumers). A feature whose projection should be rebuilt adds a factory here;
 * live, the same classes are registered with TimelineProjections by their modules.
 */
export const REBUILDABLE_PROJECTIONS: ReadonlyArray<(deps: ProjectionDependencies) => TimelineProjection> = [
  ({ referenceData }) => new DossierSummaryProjection(referenceData),
  ({ referenceData, settings }) => new ClocksProjection(new ClockSettings(referenceData, settings.atRiskWorkingDays)),
  ({ settings }) => createCountingProjection(settings.catalogDir),
];

export function createRebuildableProjections(deps: ProjectionDependencies): TimelineProjection[] {
  return REBUILDABLE_PROJECTIONS.map((create) => create(deps));
}
