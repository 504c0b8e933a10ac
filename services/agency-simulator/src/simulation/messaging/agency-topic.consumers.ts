import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AGENCY_TOPIC_PATTERN, agencyTopicFor, formatIssue, validateEvent } from '@bcci/contracts';
import { EventConsumer, type MessageBus } from '@bcci/messaging';
import type { RecordAgencyEventUseCase } from '../application/record-agency-event.use-case';
import { kafkaConsumerGroupOf, type SimulationSettings } from '../application/simulation-settings';

/**
 * Kafka mode: one consumer per simulated agency on its own topic, in its own group
 * `bcci.agency-simulator.<agencyId>`, as each real agency system would run (the gateway grants READ per
 * agency). The service kit runs one group per service, hence these consumers of our own.
 */
export class AgencyTopicConsumers {
  private readonly logger = new Logger('AgencySimulator');
  private consumers: EventConsumer[] = [];

  constructor(
    private readonly settings: SimulationSettings,
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly recordEvent: RecordAgencyEventUseCase,
  ) {}

  async start(): Promise<void> {
    // The stack creates catalog agencies' topics; creating a missing one keeps an agency added by
    // SIMULATOR_AGENCY_IDS working in the embedded stack (production: ACLs forbid it, topics pre-exist).
    await this.bus.ensureTopics(this.settings.agencyIds.map((id) => ({ topic: agencyTopicFor(id), partitions: AGENCY_TOPIC_PATTERN.partitions })));
    for (const agencyId of this.settings.agencyIds) {
      const consumer = new EventConsumer({
        name: kafkaConsumerGroupOf(agencyId),
        topics: [agencyTopicFor(agencyId)],
        bus: this.bus,
        dataSource: this.dataSource,
        // Validated here rather than through the runtime's validator: per-agency topics have no
        // dead-letter topic (an agency system cannot write to the gateway's cluster), so an invalid
        // event is logged and skipped, as a real agency system would.
        resolveHandler: () => async (event, context) => {
          const result = validateEvent(event);
          if (!result.valid) {
            this.logger.warn(`invalid event ${event.id} on ${context.message.topic} skipped: ${result.errors.map(formatIssue).join('; ')}`);
            return;
          }
          await this.recordEvent.execute(context.manager, event, agencyId, {
            correlationId: event.correlationid,
            causationId: event.id,
            traceparent: context.traceparent,
          });
        },
        onOutcome: (outcome, message, reason) => {
          if (outcome === 'dead-lettered') this.logger.warn(`${message.topic}@${message.partition}:${message.offset} dead-lettered: ${reason ?? ''}`);
        },
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
    this.logger.log(`kafka mode: consuming ${this.settings.agencyIds.map(agencyTopicFor).join(', ')}`);
  }

  async stop(): Promise<void> {
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all(consumers.map((c) => c.stop().catch((error: unknown) => this.logger.warn(`consumer stop: ${String(error)}`))));
  }
}
