import 'reflect-metadata';
import { bootstrapService } from '@bcci/service-kit';
import { AppModule } from './app.module';

void bootstrapService({ serviceName: 'digitization', module: AppModule, defaultPort: 3002 });
