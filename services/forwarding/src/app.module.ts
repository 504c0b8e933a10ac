import { Module } from '@nestjs/common';
import { ServiceKitModule, type ServiceKitOptions } from '@bcci/service-kit';
import { forwardingEntities } from './forwarding/persistence/forwarding-entities';
import { ForwardingModule } from './forwarding/forwarding.module';
import { forwardingMigrations } from './migrations/forwarding-migrations';

export const FORWARDING_SERVICE_NAME = 'forwarding';

/** The kit's options for this service; tests reuse them with a consumer group of their own. */
export const FORWARDING_KIT_OPTIONS: ServiceKitOptions = {
  serviceName: FORWARDING_SERVICE_NAME,
  entities: forwardingEntities,
  migrations: forwardingMigrations,
};

@Module({
  imports: [ServiceKitModule.forRoot(FORWARDING_KIT_OPTIONS), ForwardingModule],
})
export class AppModule {}
