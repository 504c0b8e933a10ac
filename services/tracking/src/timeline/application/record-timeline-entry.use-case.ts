import type { EntityManager } from 'typeorm';
import { classifyEvent } from '../domain/classify-event';
import { chainAfter } from '../domain/hash-chain';
import type { TimelineEvent } from '../domain/timeline-event';
import { HeldWrites } from '../persistence/projection-writes';
import { TimelineRepository } from '../persistence/timeline.repository';
import type { RecordedEntry } from './recorded-entry';
import type { TimelineProjection } from './timeline-projection';
import { systemClock } from '@bcci/kernel';

/** Session-level advisory lock key shared by live recording (shared) and a rebuild (exclusive). */
export const PROJECTION_REBUILD_LOCK = 604_000_001;

/**
 * Appends one consumed event to its dossier's timeline, chained to the dossier's current head, then
 * applies it to every projection, all in the caller's transaction (the consumer's inbox transaction).
 * An event already on the timeline adds nothing (belt and braces behind the inbox).
 */
export class RecordTimelineEntry {
  private readonly timeline = new TimelineRepository();
  /**
   * Transactions (their EntityManager: TypeORM makes one per transaction) that already hold the shared
   * rebuild lock; a transaction-scoped advisory lock lasts until its commit or rollback.
   */
  private readonly rebuildLockHeld = new WeakSet<EntityManager>();

  constructor(
    private readonly projections: () => readonly TimelineProjection[],
    private readonly now: () => Date = () => systemClock.now(),
  ) {}

  async execute(event: TimelineEvent, manager: EntityManager): Promise<RecordedEntry | undefined> {
    const dossierId = typeof event.data.dossierId === 'string' ? event.data.dossierId : event.subject;
    if (!dossierId) throw new Error(`event ${event.id} (${event.type}) names no dossier`);
    // A rebuild holds this lock exclusively: live events wait rather than land in a half-built projection.
    // Taken once per transaction (a consumer run records many events in one).
    if (!this.rebuildLockHeld.has(manager)) {
      await manager.query(`SELECT pg_advisory_xact_lock_shared($1)`, [PROJECTION_REBUILD_LOCK]);
      this.rebuildLockHeld.add(manager);
    }
    const head = await this.timeline.lockHead(manager, dossierId);
    const place = classifyEvent(event);
    const chained = chainAfter(head, {
      dossierId,
      eventId: event.id,
      eventType: event.type,
      eventTime: new Date(event.time).toISOString(),
      recordedAt: this.now().toISOString(),
      stage: place.stage,
      postalCode: place.postalCode ?? null,
      actorRole: place.actorRole ?? null,
      nationalStatus: place.nationalStatus ?? null,
      event,
    });
    // An event already on the timeline adds nothing (belt and braces behind the inbox).
    const appended = await this.timeline.appendUnlessRecorded(manager, chained);
    if (!appended) return undefined;
    // The append returned the dossier's timeline with the new entry: the projections derive from it.
    const dossierHistory = () => Promise.resolve(appended.history);
    // Their writes that need no answer go to PostgreSQL together, once every projection has applied.
    const writes = new HeldWrites();
    for (const projection of this.projections()) await projection.apply(appended.recorded, manager, 'live', dossierHistory, writes);
    await writes.flush(manager);
    return appended.recorded;
  }
}
