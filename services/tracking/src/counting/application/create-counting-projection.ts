import { loadConfiguredCatalog } from '@bcci/service-kit';
import { CatalogUnitResolver } from '../domain/catalog-units';
import { CountingProjection, type ProjectionObserver } from './counting.projection';

/** For the rebuild command (no Nest): the counting projection over CATALOG_DIR or the bundled sample. */
export function createCountingProjection(catalogDir?: string, observer?: ProjectionObserver): CountingProjection {
  return new CountingProjection(new CatalogUnitResolver(loadConfiguredCatalog({ catalogDir })), observer);
}
