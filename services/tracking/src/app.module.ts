import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ServiceKitModule } from '@bcci/service-kit';
import { ClocksModule } from './clocks/clocks.module';
import { TRACKING_EXTRA_CONFIG, TRACKING_SERVICE_NAME } from './config/tracking-config';
import { CountingProjection } from './counting/application/counting.projection';
import { COUNTING_ENTITIES, COUNTING_MIGRATIONS, CountingModule } from './counting/counting.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { ExportsModule } from './exports/exports.module';
import { LookupModule } from './lookup/lookup.module';
import { OperationsModule } from './operations/operations.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { TimelineModule } from './timeline/timeline.module';
import { TimelineProjections } from './timeline/timeline-projections';
import { TRACKING_ENTITIES, TRACKING_MIGRATIONS } from './tracking-schema';

/** Tracking (port 3006, database bcci_tracking): every dossier event → timeline → projections. */
@Module({
  imports: [
    ServiceKitModule.forRoot({
      serviceName: TRACKING_SERVICE_NAME,
      entities: [...TRACKING_ENTITIES, ...COUNTING_ENTITIES],
      migrations: [...TRACKING_MIGRATIONS, ...COUNTING_MIGRATIONS],
      extraConfig: TRACKING_EXTRA_CONFIG,
    }),
    ReferenceDataModule,
    TimelineModule,
    DossiersModule,
    ClocksModule,
    LookupModule,
    CountingModule,
    ExportsModule,
    OperationsModule,
  ],
})
export class AppModule implements OnModuleInit {
  constructor(
    @Inject(TimelineProjections) private readonly projections: TimelineProjections,
    @Inject(CountingProjection) private readonly counting: CountingProjection,
  ) {}

  /** Counting is a timeline projection like the others (its module does not depend on the timeline's). */
  onModuleInit(): void {
    this.projections.register(this.counting);
  }
}
