import type { INestApplication, Type } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config/config-error';
import { loadServiceConfig } from '../config/service-config';
import { rememberDefaultPort } from './bootstrap-context';
import { nestLogLevels } from './nest-log-levels';
import { createServiceApp } from './create-service-app';

export interface BootstrapServiceOptions {
  serviceName: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: Type<any>;
  /** PORT when unset (architecture.md §3 table). */
  defaultPort: number;
  /** Default 1 MB. */
  bodyLimitBytes?: number;
  apiVersion?: string;
}

/**
 * The whole of a service's main.ts. Validates the environment first (a bad value stops the start with
 * a message naming the variable), starts Nest (migrations, relay, consumers), listens, and prints
 * `<serviceName> ready at http://HOST:PORT`. SIGINT/SIGTERM stop consumers and relay, then the database.
 */
export async function bootstrapService(options: BootstrapServiceOptions): Promise<INestApplication> {
  rememberDefaultPort(options.defaultPort);
  let config;
  try {
    config = loadServiceConfig(process.env, { defaultPort: options.defaultPort });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${options.serviceName}: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  try {
    const app = await createServiceApp({
      serviceName: options.serviceName,
      module: options.module,
      bodyLimitBytes: options.bodyLimitBytes,
      logger: nestLogLevels(config.logLevel),
      apiVersion: options.apiVersion,
    });
    await app.listen(config.port, config.host);
    const { port } = app.getHttpServer().address() as AddressInfo;
    // Plain stdout line: the embedded stack and operators wait for exactly this.
    console.log(`${options.serviceName} ready at http://${config.host}:${port}`);
    return app;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${options.serviceName}: ${error.message}`);
      process.exit(78);
    }
    console.error(`${options.serviceName} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}
