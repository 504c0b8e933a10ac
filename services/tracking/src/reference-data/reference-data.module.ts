import { Global, Module } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@bcci/service-kit';
import { trackingSettingsOf, type TrackingSettings } from '../config/tracking-config';
import { ClockSettings } from '../clocks/application/clock-settings';
import { ReferenceData } from './reference-data';

export const TRACKING_SETTINGS = Symbol('TRACKING_SETTINGS');

/** The catalog (CATALOG_DIR or the bundled sample), tracking's settings and the clock settings, for every module. */
@Global()
@Module({
  providers: [
    { provide: TRACKING_SETTINGS, inject: [SERVICE_CONFIG], useFactory: (config: ServiceConfig): TrackingSettings => trackingSettingsOf(config) },
    { provide: ReferenceData, inject: [TRACKING_SETTINGS], useFactory: (settings: TrackingSettings) => ReferenceData.load(settings.catalogDir) },
    {
      provide: ClockSettings,
      inject: [ReferenceData, TRACKING_SETTINGS],
      useFactory: (referenceData: ReferenceData, settings: TrackingSettings) => new ClockSettings(referenceData, settings.atRiskWorkingDays),
    },
  ],
  exports: [TRACKING_SETTINGS, ReferenceData, ClockSettings],
})
export class ReferenceDataModule {}
