import { loadCatalogFromDirectory, loadSampleCatalog, type Catalog } from '@bcci/catalog';
import { SERVICE_CONFIG, type ServiceConfig } from '@bcci/service-kit';

export const CATALOG = Symbol('CATALOG');

/** CATALOG_DIR when set, otherwise the bundled sample (flagged `sample: true` in GET /procedures). */
export const catalogProvider = {
  provide: CATALOG,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): Catalog => (config.catalogDir ? loadCatalogFromDirectory(config.catalogDir) : loadSampleCatalog()),
};
