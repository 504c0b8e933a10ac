import 'reflect-metadata';
import { bootstrapService } from '@bcci/service-kit';
import { AppModule } from './app.module';

void bootstrapService({ serviceName: 'intake', module: AppModule, defaultPort: 3001 });
