import type { EntityManager } from 'typeorm';
import { classifyEvent } from '../domain/classify-event';
import { chainAfter, type ChainedEntry } from '../domain/hash-chain';
import type { TimelineEvent } from '../domain/timeline-event';
import { HeldWrites } from '../persistence/projection-writes';
import { TimelineRepository } from '../persistence/timeline.repository';
import { RecentHistories } from './recent-histories';
import type { RecordedEntry } from './recorded-entry';
import type { LiveDossier, TimelineProjection } from './timeline-projection';
import { systemClock } from '@bcci/kernel';

/** Session-level advisory lock key shared by live recording (shared) and a rebuild (exclusive). */
export const PROJECTION_REBUILD_LOCK = 604_000_001;

function dossierIdOf(event: TimelineEvent): string {
  const dossierId = typeof event.data.dossierId === 'string' ? event.data.dossierId : event.subject;
  if (!dossierId) throw new Error(`event ${event.id} (${event.type}) names no dossier`);
  return dossierId;
}

/**
 * Appends consumed events to their dossiers' timelines, each chained to its dossier's current head,
 * then applies them to every projection, all in the caller's transaction (the consumer's inbox
 * transaction). A consumer run hands over all its events at once (recordAll): the run costs a fixed
 * handful of statements (heads, append, projections), not several per event. An event already on the
 * timeline adds nothing (belt and braces behind the inbox).
 */
export class RecordTimelineEntry {
  private readonly timeline = new TimelineRepository();

  constructor(
    private readonly projections: () => readonly TimelineProjection[],
    private readonly now: () => Date = () => systemClock.now(),
    private readonly recent = new RecentHistories(),
  ) {}

  /** One event: its entry, or undefined when it was already on the timeline. */
  async execute(event: TimelineEvent, manager: EntityManager): Promise<RecordedEntry | undefined> {
    const [recorded] = await this.recordAll([event], manager);
    return recorded;
  }

  /** Events in the order consumed (a dossier's events keep their order); answers the entries appended. */
  async recordAll(events: readonly TimelineEvent[], manager: EntityManager): Promise<RecordedEntry[]> {
    let pending = [...new Map(events.map((event) => [event.id, event])).values()];
    if (pending.length === 0) return [];
    // A rebuild holds PROJECTION_REBUILD_LOCK exclusively: live events wait (taking it shared with the
    // heads) rather than land in a half-built projection.
    const heads = await this.timeline.lockHeads(manager, [...new Set(pending.map(dossierIdOf))], PROJECTION_REBUILD_LOCK);
    // Only the timelines not held already (and proven current by their locked heads) are read back.
    const held = new Map([...heads].map(([dossierId, head]) => [dossierId, this.recent.upTo(dossierId, head)]));
    const unheld = [...held].filter(([, history]) => !history).map(([dossierId]) => dossierId);
    let result = await this.timeline.appendAll(manager, this.chain(pending, heads), unheld);
    if (!result) {
      // Some event is on the timeline already (nothing was written): leave those out and chain again.
      const known = await this.timeline.recordedEventIds(manager, pending.map((event) => event.id));
      pending = pending.filter((event) => !known.has(event.id));
      if (pending.length === 0) return [];
      result = await this.timeline.appendAll(manager, this.chain(pending, heads), unheld);
      if (!result) throw new Error('timeline append wrote nothing for events it had found unrecorded');
    }
    const { appended, earlier } = result;
    const dossiers: LiveDossier[] = [...new Set(appended.map((entry) => entry.dossierId))].sort().map((dossierId) => {
      const appendedNow = appended.filter((entry) => entry.dossierId === dossierId);
      const history = [...(held.get(dossierId) ?? earlier.get(dossierId) ?? []), ...appendedNow];
      // Remembered before the commit: should the transaction roll back, the head it leaves does not end
      // this timeline, so the next run reads it again.
      this.recent.remember(dossierId, history);
      return { dossierId, appended: appendedNow, history };
    });
    // Writes that need no answer go to PostgreSQL together, once every projection has applied the run.
    const writes = new HeldWrites();
    for (const projection of this.projections()) await projection.applyLive(dossiers, manager, writes);
    await writes.flush(manager);
    return appended;
  }

  /** Each event chained after the previous one of its dossier, starting from the locked heads. */
  private chain(events: readonly TimelineEvent[], heads: ReadonlyMap<string, { sequence: number; hash: string }>): ChainedEntry[] {
    const current = new Map(heads);
    const recordedAt = this.now().toISOString();
    return events.map((event) => {
      const dossierId = dossierIdOf(event);
      const place = classifyEvent(event);
      const chained = chainAfter(current.get(dossierId)!, {
        dossierId,
        eventId: event.id,
        eventType: event.type,
        eventTime: new Date(event.time).toISOString(),
        recordedAt,
        stage: place.stage,
        postalCode: place.postalCode ?? null,
        actorRole: place.actorRole ?? null,
        nationalStatus: place.nationalStatus ?? null,
        event,
      });
      current.set(dossierId, chained);
      return chained;
    });
  }
}
