import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClockSettings } from '../clocks/application/clock-settings';
import { ReferenceData } from '../reference-data/reference-data';
import { TimelineProjections } from '../timeline/timeline-projections';
import { DossiersController } from './api/dossiers.controller';
import { DossierSummaryProjection } from './application/dossier-summary.projection';
import { GetDossierTimeline } from './application/get-dossier-timeline.use-case';
import { SearchDossiers } from './application/search-dossiers.use-case';

/** Dossier summaries (search by reference) and the scoped timeline view. */
@Module({
  controllers: [DossiersController],
  providers: [
    { provide: DossierSummaryProjection, inject: [ReferenceData], useFactory: (referenceData: ReferenceData) => new DossierSummaryProjection(referenceData) },
    { provide: GetDossierTimeline, inject: [DataSource, ClockSettings], useFactory: (dataSource: DataSource, settings: ClockSettings) => new GetDossierTimeline(dataSource, settings) },
    { provide: SearchDossiers, inject: [DataSource], useFactory: (dataSource: DataSource) => new SearchDossiers(dataSource) },
  ],
})
export class DossiersModule implements OnModuleInit {
  constructor(
    @Inject(TimelineProjections) private readonly projections: TimelineProjections,
    @Inject(DossierSummaryProjection) private readonly projection: DossierSummaryProjection,
  ) {}

  onModuleInit(): void {
    this.projections.register(this.projection);
  }
}
