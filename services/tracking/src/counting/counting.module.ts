import { Module } from '@nestjs/common';
import type { Catalog } from '@bcci/catalog';
import { OutboxWriter } from '@bcci/messaging';
import { SERVICE_CONFIG, ServiceMetrics, type ServiceConfig, loadConfiguredCatalog } from '@bcci/service-kit';
import { DataSource } from 'typeorm';
import { DenominatorsController } from './api/denominators.controller';
import { RatiosController } from './api/ratios.controller';
import { CountingProjection } from './application/counting.projection';
import { ImportDenominatorsUseCase } from './application/import-denominators.use-case';
import { ListDenominatorImportsQuery } from './application/list-denominator-imports.query';
import { ProjectionLagMetrics } from './application/projection-lag.metrics';
import { QueryRatiosUseCase } from './application/query-ratios.use-case';
import { CatalogUnitResolver } from './domain/catalog-units';
import {
  DailyCountOrmEntity,
  DenominatorImportOrmEntity,
  DenominatorRowOrmEntity,
  DossierFactOrmEntity,
  StageMinuteOrmEntity,
} from './persistence/counting.orm-entities';
import { COUNTING_CATALOG } from './counting.tokens';
import { CreateCountingTables1767312100000 } from './persistence/1767312100000-create-counting-tables.migration';
import { CreateProvinceMonthCounts1767398500000 } from './persistence/1767398500000-create-province-month-counts.migration';
import { BackfillReturnedItem1796428800000 } from './persistence/1796428800000-backfill-returned-item.migration';

/** Counting's tables, for ServiceKitModule.forRoot({ entities, migrations }) (after tracking's own). */
export const COUNTING_ENTITIES = [DossierFactOrmEntity, DailyCountOrmEntity, DenominatorImportOrmEntity, DenominatorRowOrmEntity, StageMinuteOrmEntity];
export const COUNTING_MIGRATIONS = [CreateCountingTables1767312100000, CreateProvinceMonthCounts1767398500000, BackfillReturnedItem1796428800000];

export { COUNTING_CATALOG };

/**
 * The BCCI ratios: `CountingProjection` (a timeline projection: AppModule registers it with
 * TimelineProjections, rebuildable-projections.ts with the rebuild), `GET /ratios`, `POST /denominators/imports`.
 */
@Module({
  controllers: [RatiosController, DenominatorsController],
  providers: [
    {
      provide: COUNTING_CATALOG,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig): Catalog => loadConfiguredCatalog(config),
    },
    { provide: ProjectionLagMetrics, inject: [ServiceMetrics], useFactory: (metrics: ServiceMetrics) => new ProjectionLagMetrics(metrics.registry) },
    {
      provide: CountingProjection,
      inject: [COUNTING_CATALOG, ProjectionLagMetrics],
      useFactory: (catalog: Catalog, lag: ProjectionLagMetrics) => new CountingProjection(new CatalogUnitResolver(catalog), lag),
    },
    { provide: QueryRatiosUseCase, inject: [COUNTING_CATALOG], useFactory: (catalog: Catalog) => new QueryRatiosUseCase(catalog) },
    {
      provide: ImportDenominatorsUseCase,
      inject: [DataSource, OutboxWriter, COUNTING_CATALOG],
      useFactory: (dataSource: DataSource, outbox: OutboxWriter, catalog: Catalog) => new ImportDenominatorsUseCase(dataSource, outbox, catalog),
    },
    { provide: ListDenominatorImportsQuery, inject: [DataSource], useFactory: (dataSource: DataSource) => new ListDenominatorImportsQuery(dataSource) },
  ],
  exports: [CountingProjection, QueryRatiosUseCase, COUNTING_CATALOG, ProjectionLagMetrics],
})
export class CountingModule {}
