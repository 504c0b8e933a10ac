import { DossierClockOrmEntity } from './clocks/persistence/dossier-clock.orm-entity';
import { DossierReferenceOrmEntity } from './dossiers/persistence/dossier-reference.orm-entity';
import { DossierSummaryOrmEntity } from './dossiers/persistence/dossier-summary.orm-entity';
import { LookupFailureOrmEntity } from './lookup/persistence/lookup-failure.orm-entity';
import { trackingMigrations } from './migrations/tracking-migrations';
import { TimelineChainHeadOrmEntity } from './timeline/persistence/timeline-chain-head.orm-entity';
import { TimelineEntryOrmEntity } from './timeline/persistence/timeline-entry.orm-entity';

/** Entities and migrations of the timeline, dossier summaries, clocks and lookup (counting adds its own). */
export const TRACKING_ENTITIES = [TimelineEntryOrmEntity, TimelineChainHeadOrmEntity, DossierSummaryOrmEntity, DossierReferenceOrmEntity, DossierClockOrmEntity, LookupFailureOrmEntity];
export const TRACKING_MIGRATIONS = trackingMigrations;
