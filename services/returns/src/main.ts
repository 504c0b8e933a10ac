import 'reflect-metadata';
import { bootstrapService } from '@bcci/service-kit';
import { AppModule, RETURNS_SERVICE_NAME } from './app.module';

void bootstrapService({ serviceName: RETURNS_SERVICE_NAME, module: AppModule, defaultPort: 3005 });
