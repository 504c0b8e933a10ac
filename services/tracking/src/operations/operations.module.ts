import { Module } from '@nestjs/common';
import type { Catalog } from '@bcci/catalog';
import { CountingModule } from '../counting/counting.module';
import { QueryRatiosUseCase } from '../counting/application/query-ratios.use-case';
import { COUNTING_CATALOG } from '../counting/counting.tokens';
import { OperationsController } from './api/operations.controller';
import { OperationsSummaryQuery } from './application/operations-summary.query';

/** The operations dashboard page (`/operations`) and its data (`/operations/summary`). */
@Module({
  imports: [CountingModule],
  controllers: [OperationsController],
  providers: [
    {
      provide: OperationsSummaryQuery,
      inject: [COUNTING_CATALOG, QueryRatiosUseCase],
      useFactory: (catalog: Catalog, ratios: QueryRatiosUseCase) => new OperationsSummaryQuery(catalog, ratios),
    },
  ],
})
export class OperationsModule {}
