import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@bcci/service-kit';
import { ClocksModule } from './clocks/clocks.module';
import { TRACKING_EXTRA_CONFIG, TRACKING_SERVICE_NAME } from './config/tracking-config';
import { DossiersModule } from './dossiers/dossiers.module';
import { LookupModule } from './lookup/lookup.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { TimelineModule } from './timeline/timeline.module';
import { TRACKING_ENTITIES, TRACKING_MIGRATIONS } from './tracking-schema';

/** Tracking (port 3006, database bcci_tracking): every dossier event → timeline → projections. */
@Module({
  imports: [
    ServiceKitModule.forRoot({
      serviceName: TRACKING_SERVICE_NAME,
      entities: [...TRACKING_ENTITIES],
      migrations: [...TRACKING_MIGRATIONS],
      extraConfig: TRACKING_EXTRA_CONFIG,
    }),
    ReferenceDataModule,
    TimelineModule,
    DossiersModule,
    ClocksModule,
    LookupModule,
  ],
})
export class AppModule {}
