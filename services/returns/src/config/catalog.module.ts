import { Global, Logger, Module } from '@nestjs/common';
import { loadCatalogFromDirectory, loadSampleCatalog, type Catalog } from '@bcci/catalog';
import { SERVICE_CONFIG, type ServiceConfig } from '@bcci/service-kit';
import { CATALOG } from '../returns/application/catalog.token';

/** The reference catalog (CATALOG_DIR, validated by the kit's config; the bundled sample otherwise), its version logged at start. */
@Global()
@Module({
  providers: [
    {
      provide: CATALOG,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig): Catalog => {
        const catalog = config.catalogDir ? loadCatalogFromDirectory(config.catalogDir) : loadSampleCatalog();
        new Logger('Catalog').log(`catalog ${catalog.version}${catalog.sample ? ' (sample data)' : ''}`);
        return catalog;
      },
    },
  ],
  exports: [CATALOG],
})
export class CatalogModule {}
