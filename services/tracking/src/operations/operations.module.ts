import { Module } from '@nestjs/common';
import type { Catalog } from '@bcci/catalog';
import { CountingModule } from '../counting/counting.module';
import { QueryRatiosUseCase } from '../counting/application/query-ratios.use-case';
import { COUNTING_CATALOG } from '../counting/counting.tokens';
import { OperationsController } from './api/operations.controller';
import { DeadLetterCountsQuery } from './application/dead-letter-counts.query';
import { OperationsSummaryQuery } from './application/operations-summary.query';
import { MESSAGE_BUS, MessagingLifecycle } from '@bcci/service-kit';
import { systemClock } from '@bcci/kernel';
import { TrackingLagQuery } from './application/tracking-lag.query';
import type { MessageBus } from '@bcci/messaging';

/** The operations dashboard page (`/operations`) and its data (`/operations/summary`). */
@Module({
  imports: [CountingModule],
  controllers: [OperationsController],
  providers: [
    { provide: DeadLetterCountsQuery, inject: [MESSAGE_BUS], useFactory: (bus: MessageBus) => new DeadLetterCountsQuery(bus) },
    { provide: TrackingLagQuery, inject: [MessagingLifecycle], useFactory: (messaging: MessagingLifecycle) => new TrackingLagQuery(messaging, () => systemClock.now()) },
    {
      provide: OperationsSummaryQuery,
      inject: [COUNTING_CATALOG, QueryRatiosUseCase, DeadLetterCountsQuery, TrackingLagQuery],
      useFactory: (catalog: Catalog, ratios: QueryRatiosUseCase, deadLetters: DeadLetterCountsQuery, trackingLag: TrackingLagQuery) =>
        new OperationsSummaryQuery(catalog, ratios, deadLetters, trackingLag),
    },
  ],
})
export class OperationsModule {}
