import type { Server } from 'node:http';
import { type INestApplication, type LogLevel as NestLogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceLogger } from './service-logger';
import { setupOpenApi } from '../docs/setup-openapi';
import { bodyErrorMiddleware } from '../http/body-error.middleware';
import { httpMetricsMiddleware } from '../http/http-metrics.middleware';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../input/input-limits';
import { InputValidationPipe } from '../input/input-validation.pipe';
import { JsonBodyGuard } from '../input/json-body.guard';
import { jsonBodyInspector, jsonBodyParserOptions } from '../input/json-body.parser';
import { queryStringMiddleware } from '../input/query-string.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface CreateServiceAppOptions {
  serviceName: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: Type<any>;
  /** JSON and form body limit in bytes; default 1 MB. Larger bodies get 413. */
  bodyLimitBytes?: number;
  /** Depth, size and query limits of the input discipline; each defaults to DEFAULT_INPUT_LIMITS. */
  inputLimits?: Partial<InputLimits>;
  logger?: NestLogLevel[] | false;
  /** API version shown in OpenAPI. */
  apiVersion?: string;
}

/**
 * The configured Nest application, not yet listening: metrics middleware, the input discipline
 * (strict query strings, one JSON body parser with size, depth and content checks, 415 for a body
 * a route does not read, ValidationPipe with whitelist, forbidNonWhitelisted, transform), OpenAPI,
 * shutdown hooks.
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
  // A client (fetch, a proxy, a load balancer) keeps an idle connection for a few seconds to a minute and
  // sends its next request on it. If the server closes it first (Node's default: after 5 s idle), a
  // request sent as it closes fails with "other side closed", a retry the clerk never asked for. So the
  // server waits longer than any of them: 65 s (load balancers use 60 s), headers within 66 s.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const limits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...options.inputLimits };
  app.use(httpMetricsMiddleware(app.get(ServiceMetrics)));
  // Every parameter is one flat string: the middleware refuses repeats, brackets and NUL first,
  // so express's 'simple' parser (node:querystring) never has to guess.
  app.set('query parser', 'simple');
  app.use(queryStringMiddleware(limits));
  // JSON only: no route reads forms, and a second parser would be a second way in.
  app.useBodyParser('json', jsonBodyParserOptions(limit, limits));
  app.use(bodyErrorMiddleware(limit));
  app.use(jsonBodyInspector(limits));
  app.useGlobalGuards(new JsonBodyGuard());
  app.useGlobalPipes(new InputValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app, options.serviceName, options.apiVersion);
  return app;
}
