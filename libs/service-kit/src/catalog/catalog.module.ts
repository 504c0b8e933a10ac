import { Global, Logger, Module } from '@nestjs/common';
import { loadCatalogFromDirectory, loadSampleCatalog, type Catalog } from '@bcci/catalog';
import type { ServiceConfig } from '../config/service-config';
import { SERVICE_CONFIG } from '../messaging/service-kit-tokens';

/** Injection token of the reference catalog every service reads (@bcci/catalog). */
export const CATALOG = Symbol('bcci.catalog');

/** The catalog a service is configured with: CATALOG_DIR when set, otherwise the bundled sample data. */
export function loadConfiguredCatalog(config: Pick<ServiceConfig, 'catalogDir'>): Catalog {
  return config.catalogDir ? loadCatalogFromDirectory(config.catalogDir) : loadSampleCatalog();
}

/**
 * Provides CATALOG to the whole application. The version is logged at start, so operators can check
 * that every service of a deployment reads the same reference data.
 */
@Global()
@Module({
  providers: [
    {
      provide: CATALOG,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig): Catalog => {
        const catalog = loadConfiguredCatalog(config);
        new Logger('Catalog').log(`catalog ${catalog.version}${catalog.sample ? ' (sample data)' : ''}`);
        return catalog;
      },
    },
  ],
  exports: [CATALOG],
})
export class CatalogModule {}
