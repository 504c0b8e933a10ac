import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthGuard, TokenVerifier } from '@bcci/auth';
import { KafkajsMessageBus, messagingEntities, messagingMigrations, OutboxWriter } from '@bcci/messaging';
import { createServiceDataSource, runMigrations } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import { bootstrapDefaultPort } from './bootstrap/bootstrap-context';
import { loadServiceConfig, type ServiceConfig } from './config/service-config';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { HealthController } from './health/health.controller';
import { idempotencyEntities, idempotencyMigrations } from './idempotency/idempotency-schema';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { EventHandlerRegistry } from './messaging/event-handler-registry';
import { MessagingLifecycle } from './messaging/messaging-lifecycle';
import { MESSAGE_BUS, SERVICE_CONFIG, SERVICE_KIT_OPTIONS } from './messaging/service-kit-tokens';
import { ServiceMetrics } from './metrics/service-metrics';
import type { ServiceKitOptions } from './service-kit.options';

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/**
 * Everything a service shares, in one import: configuration, database (migrated at start), outbox
 * writer and relay, event consumer for @OnEvent handlers, message bus, auth guard, error filter,
 * health/ready/metrics endpoints and the idempotency store. Global: its providers are injectable
 * everywhere (DataSource, OutboxWriter, IdempotencyStore, ServiceMetrics, SERVICE_CONFIG, MESSAGE_BUS).
 */
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: SERVICE_KIT_OPTIONS, useValue: options },
      {
        provide: SERVICE_CONFIG,
        useFactory: (): ServiceConfig =>
          options.config ??
          loadServiceConfig(process.env, { defaultPort: options.defaultPort ?? bootstrapDefaultPort() ?? 0, extra: options.extraConfig }),
      },
      { provide: ServiceMetrics, useFactory: () => new ServiceMetrics(options.serviceName) },
      {
        provide: DataSource,
        inject: [SERVICE_CONFIG],
        useFactory: async (config: ServiceConfig): Promise<DataSource> => {
          const dataSource = createServiceDataSource({
            url: config.databaseUrl,
            applicationName: `bcci-${options.serviceName}`,
            entities: unique([...messagingEntities, ...idempotencyEntities, ...(options.entities as unknown[])]) as ServiceKitOptions['entities'],
            migrations: unique([...messagingMigrations, ...idempotencyMigrations, ...(options.migrations as unknown[])]) as ServiceKitOptions['migrations'],
            poolSize: options.poolSize,
          });
          await runMigrations(dataSource);
          return dataSource;
        },
      },
      {
        provide: MESSAGE_BUS,
        inject: [SERVICE_CONFIG],
        useFactory: (config: ServiceConfig) =>
          new KafkajsMessageBus({ clientId: `bcci-${options.serviceName}`, brokers: config.kafkaBrokers, logLevel: config.logLevel === 'debug' ? 'INFO' : 'ERROR' }),
      },
      { provide: OutboxWriter, useValue: new OutboxWriter() },
      IdempotencyStore,
      { provide: TokenVerifier, inject: [SERVICE_CONFIG], useFactory: (config: ServiceConfig) => new TokenVerifier(config.auth) },
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: AllExceptionsFilter },
      EventHandlerRegistry,
      MessagingLifecycle,
    ];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [HealthController],
      providers,
      exports: [SERVICE_KIT_OPTIONS, SERVICE_CONFIG, ServiceMetrics, DataSource, MESSAGE_BUS, OutboxWriter, IdempotencyStore, TokenVerifier, MessagingLifecycle],
    };
  }
}
