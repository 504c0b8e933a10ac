import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { PreparedStatementClient } from './prepared-statement-client';

export interface ServiceDataSourceConfig {
  /** postgres://user:password@host:port/database; the service's own database. */
  url: string;
  /** Shown in pg_stat_activity, which makes "who holds this connection" questions easy. */
  applicationName?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  /** Pool size per process; default 10. */
  poolSize?: number;
  logging?: boolean;
}

/**
 * A TypeORM DataSource for one service's database. Schema changes only happen through migrations:
 * `synchronize` is always off. Configuration comes from the caller's validated config (TypeORM 1.x no
 * longer reads TYPEORM_* variables, and services read the environment only in their config module).
 */
export function createServiceDataSource(config: ServiceDataSourceConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    applicationName: config.applicationName,
    entities: config.entities,
    migrations: config.migrations ?? [],
    migrationsRun: false,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: config.logging ?? false,
    poolSize: config.poolSize ?? 10,
    // Statements are parsed once per connection (see prepared-statement-client.ts).
    extra: { Client: PreparedStatementClient },
  });
}
