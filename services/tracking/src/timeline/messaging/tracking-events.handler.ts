import { Inject, Injectable } from '@nestjs/common';
import { EVENT_CATALOG, TOPICS } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import type { TimelineEvent } from '../domain/timeline-event';
import { RecordTimelineEntry } from '../application/record-timeline-entry.use-case';

/**
 * Every dossier event tracking consumes: the event types of every topic that lists `tracking` among its
 * consumers and is keyed by dossier (tracking's own denominator events are keyed by import and are not
 * part of any dossier's timeline). Read from contracts/, so a new event type is consumed without code.
 */
export const TIMELINE_EVENT_TYPES: readonly string[] = EVENT_CATALOG.filter(
  (descriptor) => descriptor.keyField === 'dossierId' && TOPICS.some((topic) => topic.name === descriptor.topic && topic.consumers.includes('tracking')),
).map((descriptor) => descriptor.type);

function onEveryTimelineEvent(): MethodDecorator {
  return (target, propertyKey, descriptor) => {
    for (const type of TIMELINE_EVENT_TYPES) OnEvent(type)(target, propertyKey, descriptor);
  };
}

/**
 * Thin: the inbox (service kit) has already deduplicated. The events of one transaction (a consumer
 * run) are gathered and recorded together just before it commits: a run costs a few statements, not
 * several per event. Events reach the use case in the order consumed.
 */
@Injectable()
export class TrackingEventsHandler {
  private readonly gathered = new WeakMap<EntityManager, TimelineEvent[]>();

  constructor(@Inject(RecordTimelineEntry) private readonly record: RecordTimelineEntry) {}

  @onEveryTimelineEvent()
  async handle(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    let events = this.gathered.get(manager);
    if (!events) {
      const run: TimelineEvent[] = (events = []);
      this.gathered.set(manager, run);
      context.beforeCommit(run, async () => {
        this.gathered.delete(manager);
        await this.record.recordAll(run, manager);
      });
    }
    events.push(event as unknown as TimelineEvent);
  }
}
