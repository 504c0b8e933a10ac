import 'reflect-metadata';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { setupOpenApi } from '@bcci/service-kit';
import { apiProxy } from './api-gateway/api-proxy';
import { AppModule } from './app.module';
import { loadPostOfficeAppConfig, POST_OFFICE_APP_SERVICE_NAME, PostOfficeAppConfigError } from './config/post-office-app.config';
import { serveWebApp } from './web-assets/serve-web-app';

/** Paths under /api the app server answers itself; every other /api/<service>/… goes to that service. */
const OWN_API = /^\/(session|live)(\/|\?|$)/;

async function main(): Promise<void> {
  const rootDir = path.resolve(__dirname, '..', '..', '..');
  let config;
  try {
    config = loadPostOfficeAppConfig(process.env, rootDir);
  } catch (error) {
    if (!(error instanceof PostOfficeAppConfigError)) throw error;
    console.error(`${POST_OFFICE_APP_SERVICE_NAME}: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
  // No body parser: service calls are piped through untouched (scans of several MB), sign-in reads its own small body.
  const app = await NestFactory.create(AppModule.forConfig(config), { bodyParser: false, logger: ['fatal', 'error', 'warn'] });
  const proxy = apiProxy(config.serviceUrls);
  app.use('/api', (req: Parameters<typeof proxy>[0], res: Parameters<typeof proxy>[1], next: () => void) => (OWN_API.test(req.url ?? '') ? next() : proxy(req, res)));
  app.use(serveWebApp(config.webDistDir));
  // Its own routes (sign-in, live notices) are documented like every service's, so the hostile-input tier probes them too.
  setupOpenApi(app, POST_OFFICE_APP_SERVICE_NAME);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  console.log(`${POST_OFFICE_APP_SERVICE_NAME} ready at http://${config.host}:${port}`);
}

main().catch((error: unknown) => {
  console.error(`${POST_OFFICE_APP_SERVICE_NAME} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
