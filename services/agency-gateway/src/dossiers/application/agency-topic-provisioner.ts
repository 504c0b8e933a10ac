import { AGENCY_TOPIC_PATTERN, agencyTopicFor } from '@bcci/contracts';
import type { MessageBus } from '@bcci/messaging';

/** Creates an agency's own topic before the first record for it is written to the outbox. */
export interface AgencyTopicProvisioner {
  ensure(agencyId: string): Promise<void>;
}

/**
 * On demand, once per agency per process. Production creates the topics of catalog agencies when the
 * agency is activated (with its ACL); this keeps an agency added later, or the embedded stack, working.
 */
export class BusAgencyTopicProvisioner implements AgencyTopicProvisioner {
  private readonly ready = new Set<string>();

  constructor(private readonly bus: MessageBus) {}

  async ensure(agencyId: string): Promise<void> {
    if (this.ready.has(agencyId)) return;
    await this.bus.ensureTopics([{ topic: agencyTopicFor(agencyId), partitions: AGENCY_TOPIC_PATTERN.partitions }]);
    this.ready.add(agencyId);
  }
}
