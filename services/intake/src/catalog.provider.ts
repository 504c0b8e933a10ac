/** Injection token of the reference catalog, provided by service-kit's CatalogModule (CATALOG_DIR or the sample). */
export { CATALOG } from '@bcci/service-kit';
