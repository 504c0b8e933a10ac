import { Logger, Module, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Catalog } from '@bcci/catalog';
import type { MessageBus } from '@bcci/messaging';
import { CATALOG, CatalogModule, MESSAGE_BUS, SERVICE_CONFIG, ServiceKitModule, type ServiceConfig } from '@bcci/service-kit';
import { RequestApplicantDataUseCase } from './applicant-access/application/request-applicant-data.use-case';
import { AgencyDecisionsController } from './commands/api/agency-decisions.controller';
import { SupplementCompletionController } from './commands/api/supplement-completion.controller';
import { AgencyDecisionRunner } from './commands/application/agency-decision.runner';
import { CompleteSupplementUseCase } from './commands/application/complete-supplement.use-case';
import { IssueResultUseCase } from './commands/application/issue-result.use-case';
import { RejectDossierUseCase } from './commands/application/reject-dossier.use-case';
import { RequestSupplementUseCase } from './commands/application/request-supplement.use-case';
import { RescheduleProcessingUseCase } from './commands/application/reschedule-processing.use-case';
import { SignHandoverUseCase } from './commands/application/sign-handover.use-case';
import { SignHandoverBatchUseCase } from './commands/application/sign-handover-batch.use-case';
import { AgencyCommandsHandler } from './commands/messaging/agency-commands.handler';
import { AgencyCommandRepository } from './commands/persistence/agency-command.repository';
import { AGENCY_GATEWAY_EXTRA_CONFIG, type AgencyGatewayExtraConfig } from './config/agency-gateway.config';
import { AgencyDossiersController } from './dossiers/api/agency-dossiers.controller';
import { BusAgencyTopicProvisioner } from './dossiers/application/agency-topic-provisioner';
import { DeadlinePolicyResolver } from './dossiers/application/deadline-policy.resolver';
import { DossierEventWriter } from './dossiers/application/dossier-event.writer';
import { DossierProjection } from './dossiers/application/dossier-projection';
import { GetAgencyDossierUseCase } from './dossiers/application/get-agency-dossier.use-case';
import { RecordDossierDigitizedUseCase } from './dossiers/application/record-dossier-digitized.use-case';
import { RecordDossierRegisteredUseCase } from './dossiers/application/record-dossier-registered.use-case';
import { RecordHandoverRecordSignedUseCase } from './dossiers/application/record-handover-record-signed.use-case';
import { RecordPostalLegOpenedUseCase } from './dossiers/application/record-postal-leg-opened.use-case';
import { UpstreamEventsHandler } from './dossiers/messaging/upstream-events.handler';
import { AgencyDossierOrmEntity } from './dossiers/persistence/agency-dossier.orm-entity';
import { AgencyDossierRepository } from './dossiers/persistence/agency-dossier.repository';
import { AgencyFeedController } from './feed/api/agency-feed.controller';
import { AckAgencyFeedUseCase } from './feed/application/ack-agency-feed.use-case';
import { ReadAgencyFeedUseCase } from './feed/application/read-agency-feed.use-case';
import { AgencyFeedRepository } from './feed/persistence/agency-feed.repository';
import { CreateAgencyGatewayTables1767225600000 } from './migrations/1767225600000-create-agency-gateway-tables.migration';
import { GatewayClock } from './shared/gateway-clock';
import { AgencyWebhookController } from './webhooks/api/agency-webhook.controller';
import { ConfigureWebhookUseCase } from './webhooks/application/configure-webhook.use-case';
import { WebhookDeliveryWorker } from './webhooks/application/webhook-delivery.worker';
import { WebhookWorkerLifecycle } from './webhooks/application/webhook-worker.lifecycle';
import { WebhookRepository } from './webhooks/persistence/webhook.repository';

export const SERVICE_NAME = 'agency-gateway';

/** Plain classes (no Nest in application/ or persistence/) wired by factories. */
function factory<T>(provide: abstract new (...args: never[]) => T, inject: unknown[], useFactory: (...deps: never[]) => T): Provider {
  return { provide, inject: inject as never[], useFactory };
}

const providers: Provider[] = [
  { provide: GatewayClock, useValue: new GatewayClock() },
  { provide: AgencyDossierRepository, useValue: new AgencyDossierRepository() },
  { provide: AgencyCommandRepository, useValue: new AgencyCommandRepository() },
  { provide: AgencyFeedRepository, useValue: new AgencyFeedRepository() },
  { provide: WebhookRepository, useValue: new WebhookRepository() },
  factory(DeadlinePolicyResolver, [CATALOG], (catalog: Catalog) => new DeadlinePolicyResolver(catalog)),
  factory(BusAgencyTopicProvisioner, [MESSAGE_BUS], (bus: MessageBus) => new BusAgencyTopicProvisioner(bus)),
  factory(DossierEventWriter, [AgencyFeedRepository, BusAgencyTopicProvisioner], (feed: AgencyFeedRepository, topics: BusAgencyTopicProvisioner) => new DossierEventWriter(feed, topics)),
  factory(
    DossierProjection,
    [AgencyDossierRepository, DossierEventWriter, GatewayClock],
    (dossiers: AgencyDossierRepository, writer: DossierEventWriter, clock: GatewayClock) => new DossierProjection(dossiers, writer, clock),
  ),
  factory(RecordDossierRegisteredUseCase, [DossierProjection], (p: DossierProjection) => new RecordDossierRegisteredUseCase(p)),
  factory(RecordPostalLegOpenedUseCase, [DossierProjection], (p: DossierProjection) => new RecordPostalLegOpenedUseCase(p)),
  factory(RecordDossierDigitizedUseCase, [DossierProjection], (p: DossierProjection) => new RecordDossierDigitizedUseCase(p)),
  factory(RecordHandoverRecordSignedUseCase, [DossierProjection, DeadlinePolicyResolver], (p: DossierProjection, r: DeadlinePolicyResolver) => new RecordHandoverRecordSignedUseCase(p, r)),
  factory(
    AgencyDecisionRunner,
    [DataSource, AgencyDossierRepository, AgencyCommandRepository, DossierEventWriter, GatewayClock],
    (ds: DataSource, d: AgencyDossierRepository, c: AgencyCommandRepository, w: DossierEventWriter, clock: GatewayClock) => new AgencyDecisionRunner(ds, d, c, w, clock),
  ),
  factory(SignHandoverUseCase, [AgencyDecisionRunner, DeadlinePolicyResolver], (r: AgencyDecisionRunner, p: DeadlinePolicyResolver) => new SignHandoverUseCase(r, p)),
  factory(SignHandoverBatchUseCase, [DataSource, SignHandoverUseCase], (ds: DataSource, s: SignHandoverUseCase) => new SignHandoverBatchUseCase(ds, s)),
  factory(RequestSupplementUseCase, [AgencyDecisionRunner, DeadlinePolicyResolver], (r: AgencyDecisionRunner, p: DeadlinePolicyResolver) => new RequestSupplementUseCase(r, p)),
  factory(CompleteSupplementUseCase, [AgencyDecisionRunner, DeadlinePolicyResolver], (r: AgencyDecisionRunner, p: DeadlinePolicyResolver) => new CompleteSupplementUseCase(r, p)),
  factory(RescheduleProcessingUseCase, [AgencyDecisionRunner, DeadlinePolicyResolver], (r: AgencyDecisionRunner, p: DeadlinePolicyResolver) => new RescheduleProcessingUseCase(r, p)),
  factory(RejectDossierUseCase, [AgencyDecisionRunner], (r: AgencyDecisionRunner) => new RejectDossierUseCase(r)),
  factory(IssueResultUseCase, [AgencyDecisionRunner], (r: AgencyDecisionRunner) => new IssueResultUseCase(r)),
  factory(GetAgencyDossierUseCase, [DataSource, AgencyDossierRepository], (ds: DataSource, d: AgencyDossierRepository) => new GetAgencyDossierUseCase(ds, d)),
  factory(RequestApplicantDataUseCase, [DataSource, AgencyDossierRepository], (ds: DataSource, d: AgencyDossierRepository) => new RequestApplicantDataUseCase(ds, d)),
  factory(ReadAgencyFeedUseCase, [DataSource, AgencyFeedRepository], (ds: DataSource, f: AgencyFeedRepository) => new ReadAgencyFeedUseCase(ds, f)),
  factory(AckAgencyFeedUseCase, [DataSource, AgencyFeedRepository], (ds: DataSource, f: AgencyFeedRepository) => new AckAgencyFeedUseCase(ds, f)),
  factory(ConfigureWebhookUseCase, [DataSource, WebhookRepository], (ds: DataSource, w: WebhookRepository) => new ConfigureWebhookUseCase(ds, w)),
  factory(
    WebhookDeliveryWorker,
    [DataSource, WebhookRepository, SERVICE_CONFIG],
    (ds: DataSource, w: WebhookRepository, config: ServiceConfig<AgencyGatewayExtraConfig>) =>
      new WebhookDeliveryWorker(ds, w, {
        retry: { baseDelayMs: config.extra.WEBHOOK_RETRY_BASE_MS, maxDelayMs: 3_600_000, maxAttempts: config.extra.WEBHOOK_RETRY_MAX_ATTEMPTS },
        pollIntervalMs: config.extra.WEBHOOK_POLL_INTERVAL_MS,
        batchSize: 20,
        requestTimeoutMs: 10_000,
        leaseMs: 60_000,
        onError: (error) => new Logger('WebhookDeliveryWorker').error(error instanceof Error ? error.stack : String(error)),
      }),
  ),
  WebhookWorkerLifecycle,
  UpstreamEventsHandler,
  AgencyCommandsHandler,
];

@Module({
  imports: [
    ServiceKitModule.forRoot({
      serviceName: SERVICE_NAME,
      entities: [AgencyDossierOrmEntity],
      migrations: [CreateAgencyGatewayTables1767225600000],
      extraConfig: AGENCY_GATEWAY_EXTRA_CONFIG,
    }),
    CatalogModule,
  ],
  controllers: [AgencyDecisionsController, SupplementCompletionController, AgencyDossiersController, AgencyFeedController, AgencyWebhookController],
  providers,
})
export class AppModule {}
