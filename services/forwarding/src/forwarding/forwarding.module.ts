import { Module } from '@nestjs/common';
import type { Catalog } from '@bcci/catalog';
import { OutboxWriter } from '@bcci/messaging';
import { CatalogModule, IdempotencyStore } from '@bcci/service-kit';
import { DataSource } from 'typeorm';
import { AcknowledgeHandoverUseCase } from './application/acknowledge-handover.use-case';
import { CATALOG } from './application/catalog.token';
import { CLOCK, systemClock, type Clock } from './application/clock';
import { CloseLegOnWithdrawalUseCase } from './application/close-leg-on-withdrawal.use-case';
import { GetLegQuery } from './application/get-leg.query';
import { ListLegsQuery } from './application/list-legs.query';
import { OpenPostalLegUseCase } from './application/open-postal-leg.use-case';
import { RecordCourierScansUseCase } from './application/record-courier-scans.use-case';
import { SignHandoverRecordUseCase } from './application/sign-handover-record.use-case';
import { HandoverRecordsController } from './api/handover-records.controller';
import { LegsController } from './api/legs.controller';
import { ScansController } from './api/scans.controller';
import { DossierRegisteredHandler } from './messaging/dossier-registered.handler';
import { DossierWithdrawnHandler } from './messaging/dossier-withdrawn.handler';
import { HandoverAcknowledgedHandler } from './messaging/handover-acknowledged.handler';
import { HandoverRecordRepository } from './persistence/handover-record.repository';

/** Use cases are plain classes (no Nest in application/): built here from the kit's providers. */
@Module({
  imports: [CatalogModule],
  controllers: [ScansController, HandoverRecordsController, LegsController],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: HandoverRecordRepository, useFactory: () => new HandoverRecordRepository() },
    {
      provide: OpenPostalLegUseCase,
      inject: [CATALOG, OutboxWriter, CLOCK],
      useFactory: (catalog: Catalog, outbox: OutboxWriter, clock: Clock) => new OpenPostalLegUseCase(catalog, outbox, clock),
    },
    { provide: CloseLegOnWithdrawalUseCase, useFactory: () => new CloseLegOnWithdrawalUseCase() },
    {
      provide: RecordCourierScansUseCase,
      inject: [DataSource, OutboxWriter, CLOCK],
      useFactory: (dataSource: DataSource, outbox: OutboxWriter, clock: Clock) => new RecordCourierScansUseCase(dataSource, outbox, clock),
    },
    {
      provide: SignHandoverRecordUseCase,
      inject: [DataSource, HandoverRecordRepository, OutboxWriter, CLOCK, IdempotencyStore],
      useFactory: (dataSource: DataSource, records: HandoverRecordRepository, outbox: OutboxWriter, clock: Clock, idempotency: IdempotencyStore) =>
        new SignHandoverRecordUseCase(dataSource, records, outbox, clock, idempotency),
    },
    {
      provide: AcknowledgeHandoverUseCase,
      inject: [HandoverRecordRepository, OutboxWriter, CLOCK],
      useFactory: (records: HandoverRecordRepository, outbox: OutboxWriter, clock: Clock) => new AcknowledgeHandoverUseCase(records, outbox, clock),
    },
    { provide: GetLegQuery, inject: [DataSource, CLOCK], useFactory: (dataSource: DataSource, clock: Clock) => new GetLegQuery(dataSource, clock) },
    { provide: ListLegsQuery, inject: [DataSource, CLOCK], useFactory: (dataSource: DataSource, clock: Clock) => new ListLegsQuery(dataSource, clock) },
    DossierRegisteredHandler,
    DossierWithdrawnHandler,
    HandoverAcknowledgedHandler,
  ],
})
export class ForwardingModule {}
