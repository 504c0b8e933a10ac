import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { formatIssue, validateEvent } from '@bcci/contracts';
import { Inbox } from '@bcci/messaging';
import type { RecordAgencyEventUseCase } from '../application/record-agency-event.use-case';
import { feedConsumerNameOf, type SimulationSettings } from '../application/simulation-settings';
import type { AgencyGatewayClient } from './agency-gateway.client';

/**
 * HTTP mode: each simulated agency polls its cursor feed, handles every item once (inbox by event id:
 * the feed is at-least-once) and acknowledges the page, as an agency system without Kafka access would.
 */
export class AgencyFeedPoller {
  private readonly logger = new Logger('AgencySimulator');
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  private readonly failing = new Set<string>();

  constructor(
    private readonly settings: SimulationSettings,
    private readonly dataSource: DataSource,
    private readonly client: AgencyGatewayClient,
    private readonly recordEvent: RecordAgencyEventUseCase,
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.settings.agencyIds.map((agencyId) => this.loop(agencyId));
    this.logger.log(`http mode: polling ${this.settings.gatewayUrl}/agency/feed for ${this.settings.agencyIds.join(', ')}`);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.sleepers) wake();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** One page for one agency; returns how many items it held. */
  async pollOnce(agencyId: string): Promise<number> {
    const page = await this.client.readFeed(agencyId);
    for (const { event } of page.items) {
      const result = validateEvent(event);
      if (!result.valid) {
        this.logger.warn(`invalid feed event ${String(event?.id)} for ${agencyId} skipped: ${result.errors.map(formatIssue).join('; ')}`);
        continue;
      }
      await this.dataSource.transaction(async (manager) => {
        if (!(await Inbox.record(manager, feedConsumerNameOf(agencyId), event.id))) return;
        await this.recordEvent.execute(manager, event, agencyId, { correlationId: event.correlationid, causationId: event.id });
      });
    }
    if (page.items.length > 0) await this.client.ackFeed(agencyId, page.nextCursor);
    return page.items.length;
  }

  private async loop(agencyId: string): Promise<void> {
    while (this.running) {
      let items = 0;
      try {
        items = await this.pollOnce(agencyId);
        if (this.failing.delete(agencyId)) this.logger.log(`feed of ${agencyId} reachable again`);
      } catch (error) {
        // Said once per outage, not once per poll.
        if (!this.failing.has(agencyId)) this.logger.warn(`feed of ${agencyId}: ${String(error)}; retrying every ${this.settings.pollIntervalMs} ms`);
        this.failing.add(agencyId);
      }
      if (items === 0 && this.running) await this.sleep(this.settings.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
