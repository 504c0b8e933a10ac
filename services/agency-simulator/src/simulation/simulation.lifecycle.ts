import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { formatDecisionMix } from './domain/decision-mix';
import { DecisionTicker } from './application/decision.ticker';
import { SIMULATION_SETTINGS, type SimulationSettings } from './application/simulation-settings';
import { AgencyTopicConsumers } from './messaging/agency-topic.consumers';
import { AgencyFeedPoller } from './gateway-http/agency-feed.poller';

/** Starts the agencies' way in (Kafka consumers or HTTP feed pollers) and the decision ticker; stops them first on shutdown. */
@Injectable()
export class SimulationLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AgencySimulator');

  constructor(
    @Inject(SIMULATION_SETTINGS) private readonly settings: SimulationSettings,
    @Inject(DecisionTicker) private readonly ticker: DecisionTicker,
    @Inject(AgencyTopicConsumers) private readonly consumers: AgencyTopicConsumers,
    @Inject(AgencyFeedPoller) private readonly poller: AgencyFeedPoller,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { mode, agencyIds, policy } = this.settings;
    this.logger.log(
      `simulating ${agencyIds.length} agencies (${agencyIds.join(', ')}) in ${mode} mode; mix ${formatDecisionMix(policy.mix)}, ` +
        `decision after ${policy.delayMs} ms, fees owed on ${policy.feesOwedPercent}% of approvals`,
    );
    if (mode === 'kafka') await this.consumers.start();
    else this.poller.start();
    this.ticker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    await this.consumers.stop();
    await this.ticker.stop();
  }
}
