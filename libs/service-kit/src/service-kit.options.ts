import type { EntitySchema, MixedList } from 'typeorm';
import type { ExtraConfigSpec, ServiceConfig } from './config/service-config';

export interface ServiceKitOptions {
  /** `intake`, `tracking`, ... : names the consumer group, the logs, metrics and the OpenAPI title. */
  serviceName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Default `bcci.<serviceName>` (architecture.md §2.8). */
  consumerGroup?: string;
  /** Extra environment variables of the service, validated at start; read them via SERVICE_CONFIG's `extra`. */
  extraConfig?: ExtraConfigSpec;
  /** PORT when unset; default: the one given to bootstrapService (0 elsewhere, e.g. in commands). */
  defaultPort?: number;
  /** Already loaded configuration (tests, commands); default loadServiceConfig(process.env). */
  config?: ServiceConfig;
  /** Set false for a service that produces no events (no relay). Default true. */
  relay?: boolean;
  /** DataSource pool size; default 10. */
  poolSize?: number;
}
