import 'reflect-metadata';
import { bootstrapService } from '@bcci/service-kit';
import { AGENCY_SIMULATOR_SERVICE_NAME, AppModule } from './app.module';

void bootstrapService({ serviceName: AGENCY_SIMULATOR_SERVICE_NAME, module: AppModule, defaultPort: 3007 });
