import 'reflect-metadata';
import { bootstrapService } from '@bcci/service-kit';
import { AppModule, FORWARDING_SERVICE_NAME } from './app.module';

void bootstrapService({ serviceName: FORWARDING_SERVICE_NAME, module: AppModule, defaultPort: 3003 });
