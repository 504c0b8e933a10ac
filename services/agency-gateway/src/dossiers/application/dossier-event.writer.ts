import type { EntityManager } from 'typeorm';
import { agencyTopicFor, buildEvent, getEventDescriptor, type BcciEvent, type EventDataMap, type EventTypeName } from '@bcci/contracts';
import { systemClock } from '@bcci/kernel';
import { outboxEntryOf, OutboxWriter } from '@bcci/messaging';
import type { AgencyFeedRepository } from '../../feed/persistence/agency-feed.repository';
import type { AgencyTopicProvisioner } from './agency-topic-provisioner';

export interface WriteEventInput<T extends EventTypeName> {
  type: T;
  data: EventDataMap[T];
  agencyId: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  time?: Date;
}

/**
 * Writes one gateway event to the outbox on the gateway's stream and, for the types the contracts copy
 * to agencies, a copy addressed to the agency: an outbox row whose topic is the agency's own topic,
 * plus the same envelope in the HTTP feed (and a webhook delivery). The copy has its own event id
 * (the outbox keys rows by event id) and names the stream event as its cause.
 */
export class DossierEventWriter {
  private readonly outbox = new OutboxWriter();

  constructor(
    private readonly feed: AgencyFeedRepository,
    private readonly topics: AgencyTopicProvisioner,
  ) {}

  async write<T extends EventTypeName>(manager: EntityManager, input: WriteEventInput<T>): Promise<{ event: BcciEvent<T>; agencyCopy?: BcciEvent<T> }> {
    const event = buildEvent({ type: input.type, data: input.data, correlationId: input.correlationId, causationId: input.causationId, time: input.time ?? systemClock.now() });
    const stream = outboxEntryOf(event, input.traceparent);
    if (!getEventDescriptor(input.type).alsoOnAgencyTopic) {
      await this.outbox.append(manager, stream);
      return { event };
    }
    await this.topics.ensure(input.agencyId);
    const agencyCopy = buildEvent({ type: input.type, data: input.data, correlationId: event.correlationid, causationId: event.id, time: event.time });
    await this.outbox.append(manager, [stream, outboxEntryOf(agencyCopy, input.traceparent, agencyTopicFor(input.agencyId))]);
    await this.feed.append(manager, input.agencyId, agencyCopy);
    return { event, agencyCopy };
  }
}
