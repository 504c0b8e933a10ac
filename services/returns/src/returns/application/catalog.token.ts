/** Injection token of the reference catalog (@bcci/catalog), provided by service-kit's CatalogModule. */
export { CATALOG } from '@bcci/service-kit';
