import { Module } from '@nestjs/common';
import { ServiceKitModule, type ServiceKitOptions } from '@bcci/service-kit';
import { returnsMigrations } from './migrations/returns-migrations';
import { returnsEntities } from './returns/persistence/returns-entities';
import { ReturnsModule } from './returns/returns.module';

export const RETURNS_SERVICE_NAME = 'returns';

/** The kit's options for this service; tests reuse them with a consumer group of their own. */
export const RETURNS_KIT_OPTIONS: ServiceKitOptions = {
  serviceName: RETURNS_SERVICE_NAME,
  entities: returnsEntities,
  migrations: returnsMigrations,
};

@Module({
  imports: [ServiceKitModule.forRoot(RETURNS_KIT_OPTIONS), ReturnsModule],
})
export class AppModule {}
