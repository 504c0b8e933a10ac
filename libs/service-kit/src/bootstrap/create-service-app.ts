import { ValidationPipe, type INestApplication, type LogLevel as NestLogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceLogger } from './service-logger';
import { setupOpenApi } from '../docs/setup-openapi';
import { validationExceptionFactory } from '../errors/validation-exception.factory';
import { bodyErrorMiddleware } from '../http/body-error.middleware';
import { httpMetricsMiddleware } from '../http/http-metrics.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface CreateServiceAppOptions {
  serviceName: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: Type<any>;
  /** JSON and form body limit in bytes; default 1 MB. Larger bodies get 413. */
  bodyLimitBytes?: number;
  logger?: NestLogLevel[] | false;
  /** API version shown in OpenAPI. */
  apiVersion?: string;
}

/**
 * The configured Nest application, not yet listening: metrics middleware, body limit with JSON
 * errors, ValidationPipe (whitelist, forbidNonWhitelisted, transform), OpenAPI, shutdown hooks.
 * The exception filter and the auth guard come with ServiceKitModule. Used by bootstrapService and
 * by the test helper, so tests run exactly what production runs.
 */
export async function createServiceApp(options: CreateServiceAppOptions): Promise<INestApplication> {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bodyParser: false,
    logger: options.logger === false ? false : new ServiceLogger(options.serviceName, options.logger ?? ['fatal', 'error', 'warn', 'log']),
    bufferLogs: false,
  });
  app.use(httpMetricsMiddleware(app.get(ServiceMetrics)));
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: true });
  app.use(bodyErrorMiddleware(limit));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.enableShutdownHooks();
  setupOpenApi(app, options.serviceName, options.apiVersion);
  return app;
}
