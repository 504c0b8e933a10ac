import { bootstrapService } from '@bcci/service-kit';
import { AppModule, SERVICE_NAME } from './app.module';

void bootstrapService({ serviceName: SERVICE_NAME, module: AppModule, defaultPort: 3004 });
