import { Module } from '@nestjs/common';
import type { Catalog } from '@bcci/catalog';
import { OutboxWriter } from '@bcci/messaging';
import { CatalogModule, IdempotencyStore } from '@bcci/service-kit';
import { DataSource } from 'typeorm';
import { IncidentsController } from './api/incidents.controller';
import { ReturnsController } from './api/returns.controller';
import { CATALOG } from './application/catalog.token';
import { CLOCK, systemClock, type Clock } from './application/clock';
import { DeliverResultUseCase } from './application/deliver-result.use-case';
import { GetReturnQuery } from './application/get-return.query';
import { ListReturnsQuery } from './application/list-returns.query';
import { PickUpAtAgencyUseCase } from './application/pick-up-at-agency.use-case';
import { RecordDeliveryAttemptUseCase } from './application/record-delivery-attempt.use-case';
import { RecordIncidentUseCase } from './application/record-incident.use-case';
import { RecordUpstreamUseCase } from './application/record-upstream.use-case';
import { ReturnCommandRunner } from './application/return-command';
import { ReturnToAgencyUseCase } from './application/return-to-agency.use-case';
import { SendCounterNoticeUseCase } from './application/send-counter-notice.use-case';
import { DossierRegisteredHandler } from './messaging/dossier-registered.handler';
import { DossierRejectedHandler } from './messaging/dossier-rejected.handler';
import { ResultIssuedHandler } from './messaging/result-issued.handler';
import { ReturnRepository } from './persistence/return.repository';

type StepUseCase = new (runner: ReturnCommandRunner) => unknown;
const step = (useCase: StepUseCase) => ({ provide: useCase, inject: [ReturnCommandRunner], useFactory: (runner: ReturnCommandRunner) => new useCase(runner) });

/** Use cases are plain classes (no Nest in application/): built here from the kit's providers. */
@Module({
  imports: [CatalogModule],
  controllers: [ReturnsController, IncidentsController],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: ReturnRepository, useValue: new ReturnRepository() },
    {
      provide: ReturnCommandRunner,
      inject: [DataSource, ReturnRepository, OutboxWriter, CLOCK, IdempotencyStore],
      useFactory: (dataSource: DataSource, returns: ReturnRepository, outbox: OutboxWriter, clock: Clock, idempotency: IdempotencyStore) =>
        new ReturnCommandRunner(dataSource, returns, outbox, clock, idempotency),
    },
    {
      provide: RecordUpstreamUseCase,
      inject: [CATALOG, ReturnRepository, OutboxWriter, CLOCK],
      useFactory: (catalog: Catalog, returns: ReturnRepository, outbox: OutboxWriter, clock: Clock) => new RecordUpstreamUseCase(catalog, returns, outbox, clock),
    },
    step(PickUpAtAgencyUseCase),
    step(RecordDeliveryAttemptUseCase),
    step(DeliverResultUseCase),
    step(SendCounterNoticeUseCase),
    step(ReturnToAgencyUseCase),
    {
      provide: RecordIncidentUseCase,
      inject: [DataSource, ReturnRepository, OutboxWriter, CLOCK, IdempotencyStore],
      useFactory: (dataSource: DataSource, returns: ReturnRepository, outbox: OutboxWriter, clock: Clock, idempotency: IdempotencyStore) =>
        new RecordIncidentUseCase(dataSource, returns, outbox, clock, idempotency),
    },
    { provide: GetReturnQuery, inject: [DataSource, ReturnRepository], useFactory: (dataSource: DataSource, returns: ReturnRepository) => new GetReturnQuery(dataSource, returns) },
    { provide: ListReturnsQuery, inject: [DataSource, ReturnRepository], useFactory: (dataSource: DataSource, returns: ReturnRepository) => new ListReturnsQuery(dataSource, returns) },
    DossierRegisteredHandler,
    ResultIssuedHandler,
    DossierRejectedHandler,
  ],
})
export class ReturnsModule {}
