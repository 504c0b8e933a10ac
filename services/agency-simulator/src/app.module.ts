import { Module } from '@nestjs/common';
import { ServiceKitModule, type ServiceKitOptions } from '@bcci/service-kit';
import { AGENCY_SIMULATOR_EXTRA_CONFIG } from './config/agency-simulator.config';
import { agencySimulatorMigrations } from './migrations/agency-simulator-migrations';
import { SimulatedDossierOrmEntity } from './simulation/persistence/simulated-dossier.orm-entity';
import { SimulationModule } from './simulation/simulation.module';

export const AGENCY_SIMULATOR_SERVICE_NAME = 'agency-simulator';

export const AGENCY_SIMULATOR_KIT_OPTIONS: ServiceKitOptions = {
  serviceName: AGENCY_SIMULATOR_SERVICE_NAME,
  entities: [SimulatedDossierOrmEntity],
  migrations: agencySimulatorMigrations,
  extraConfig: AGENCY_SIMULATOR_EXTRA_CONFIG,
};

@Module({
  imports: [ServiceKitModule.forRoot(AGENCY_SIMULATOR_KIT_OPTIONS), SimulationModule],
})
export class AppModule {}
