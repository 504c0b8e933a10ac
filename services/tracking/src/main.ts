import 'reflect-metadata';
import { bootstrapService } from '@bcci/service-kit';
import { AppModule } from './app.module';
import { TRACKING_DEFAULT_PORT, TRACKING_SERVICE_NAME } from './config/tracking-config';

void bootstrapService({ serviceName: TRACKING_SERVICE_NAME, module: AppModule, defaultPort: TRACKING_DEFAULT_PORT });
