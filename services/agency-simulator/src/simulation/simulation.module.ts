import { Module } from '@nestjs/common';
import { loadConfiguredCatalog, MESSAGE_BUS, SERVICE_CONFIG, ServiceMetrics, type ServiceConfig } from '@bcci/service-kit';
import { OutboxWriter, type MessageBus } from '@bcci/messaging';
import { DataSource } from 'typeorm';
import type { AgencySimulatorExtraConfig } from '../config/agency-simulator.config';
import { defaultSimulatedAgencies } from '../config/simulated-agencies';
import { DecideDueDossiersUseCase } from './application/decide-due-dossiers.use-case';
import { DECISION_DISPATCHER, type DecisionDispatcher } from './application/decision-dispatcher.port';
import { DecisionTicker } from './application/decision.ticker';
import { RecordAgencyEventUseCase } from './application/record-agency-event.use-case';
import { SIMULATION_SETTINGS, type SimulationSettings } from './application/simulation-settings';
import { SimulatorMetrics } from './application/simulator-metrics';
import { SimulationStatusController } from './api/simulation-status.controller';
import { AgencyFeedPoller } from './gateway-http/agency-feed.poller';
import { AgencyGatewayClient } from './gateway-http/agency-gateway.client';
import { HttpDecisionDispatcher } from './gateway-http/http-decision.dispatcher';
import { PendingDecisionsSender } from './gateway-http/pending-decisions.sender';
import { AgencyTopicConsumers } from './messaging/agency-topic.consumers';
import { KafkaDecisionDispatcher } from './messaging/kafka-decision.dispatcher';
import { SimulatedDossierRepository } from './persistence/simulated-dossier.repository';
import { SimulationLifecycle } from './simulation.lifecycle';
import { systemClock } from '@bcci/kernel';

type Config = ServiceConfig<AgencySimulatorExtraConfig>;

function settingsFrom(config: Config): SimulationSettings {
  const extra = config.extra;
  const jwtSecret = 'secret' in config.auth ? config.auth.secret : undefined;
  if (extra.SIMULATOR_MODE === 'http' && !jwtSecret) {
    // The simulator signs its own agency tokens with the development issuer; a production identity
    // provider (AUTH_JWT_PUBLIC_KEY) cannot be used for that.
    throw new Error('SIMULATOR_MODE=http needs AUTH_JWT_SECRET (the development issuer signs the agency tokens)');
  }
  const agencyIds =
    extra.SIMULATOR_AGENCY_IDS ?? defaultSimulatedAgencies(loadConfiguredCatalog(config), systemClock.now());
  return {
    mode: extra.SIMULATOR_MODE,
    agencyIds,
    policy: {
      mix: extra.SIMULATOR_MIX,
      delayMs: extra.SIMULATOR_DECISION_DELAY_MS,
      feesOwedPercent: extra.SIMULATOR_FEES_OWED_PERCENT,
      feesOwedVnd: extra.SIMULATOR_FEES_OWED_VND,
    },
    gatewayUrl: extra.SIMULATOR_GATEWAY_URL.replace(/\/+$/, ''),
    pollIntervalMs: extra.SIMULATOR_POLL_INTERVAL_MS,
    tickMs: extra.SIMULATOR_TICK_MS,
    jwtSecret,
  };
}

@Module({
  controllers: [SimulationStatusController],
  providers: [
    { provide: SIMULATION_SETTINGS, inject: [SERVICE_CONFIG], useFactory: settingsFrom },
    { provide: SimulatorMetrics, inject: [ServiceMetrics], useFactory: (metrics: ServiceMetrics) => new SimulatorMetrics(metrics.registry) },
    { provide: SimulatedDossierRepository, useValue: new SimulatedDossierRepository() },
    {
      provide: AgencyGatewayClient,
      inject: [SIMULATION_SETTINGS],
      useFactory: (settings: SimulationSettings) => new AgencyGatewayClient(settings.gatewayUrl, settings.jwtSecret ?? ''),
    },
    {
      provide: DECISION_DISPATCHER,
      inject: [SIMULATION_SETTINGS, OutboxWriter, SimulatorMetrics],
      useFactory: (settings: SimulationSettings, outbox: OutboxWriter, metrics: SimulatorMetrics): DecisionDispatcher =>
        settings.mode === 'kafka' ? new KafkaDecisionDispatcher(outbox, metrics) : new HttpDecisionDispatcher(metrics),
    },
    {
      provide: RecordAgencyEventUseCase,
      inject: [SIMULATION_SETTINGS, SimulatedDossierRepository, DECISION_DISPATCHER],
      useFactory: (s: SimulationSettings, r: SimulatedDossierRepository, d: DecisionDispatcher) => new RecordAgencyEventUseCase(s, r, d),
    },
    {
      provide: DecideDueDossiersUseCase,
      inject: [DataSource, SIMULATION_SETTINGS, SimulatedDossierRepository, DECISION_DISPATCHER],
      useFactory: (ds: DataSource, s: SimulationSettings, r: SimulatedDossierRepository, d: DecisionDispatcher) => new DecideDueDossiersUseCase(ds, s, r, d),
    },
    {
      provide: PendingDecisionsSender,
      inject: [DataSource, SimulatedDossierRepository, AgencyGatewayClient, SimulatorMetrics],
      useFactory: (ds: DataSource, r: SimulatedDossierRepository, c: AgencyGatewayClient, m: SimulatorMetrics) => new PendingDecisionsSender(ds, r, c, m),
    },
    {
      provide: DecisionTicker,
      inject: [SIMULATION_SETTINGS, DecideDueDossiersUseCase, PendingDecisionsSender],
      useFactory: (s: SimulationSettings, decide: DecideDueDossiersUseCase, sender: PendingDecisionsSender) =>
        new DecisionTicker(s.tickMs, s.mode === 'http' ? [() => decide.execute(), () => sender.sendPending()] : [() => decide.execute()]),
    },
    {
      provide: AgencyTopicConsumers,
      inject: [SIMULATION_SETTINGS, MESSAGE_BUS, DataSource, RecordAgencyEventUseCase],
      useFactory: (s: SimulationSettings, bus: MessageBus, ds: DataSource, record: RecordAgencyEventUseCase) => new AgencyTopicConsumers(s, bus, ds, record),
    },
    {
      provide: AgencyFeedPoller,
      inject: [SIMULATION_SETTINGS, DataSource, AgencyGatewayClient, RecordAgencyEventUseCase],
      useFactory: (s: SimulationSettings, ds: DataSource, c: AgencyGatewayClient, record: RecordAgencyEventUseCase) => new AgencyFeedPoller(s, ds, c, record),
    },
    SimulationLifecycle,
  ],
})
export class SimulationModule {}
