import { CreateTrackingTables1767312000000 } from './1767312000000-create-tracking-tables.migration';

/** Tracking's own migrations (timeline, dossier summaries, clocks, lookup), in order; messaging and idempotency run first. */
export const trackingMigrations = [CreateTrackingTables1767312000000];
