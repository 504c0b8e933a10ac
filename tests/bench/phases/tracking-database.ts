import { createServiceDataSource } from '@bcci/persistence';
import type { DataSource } from 'typeorm';
import type { BenchContext } from '../bench-phase';

/** A connection to tracking's own database on the stack's PostgreSQL (bcci_tracking, as the launcher names it). */
export async function openTrackingDatabase(context: BenchContext): Promise<DataSource> {
  const url = new URL(context.databaseAdminUrl);
  url.pathname = '/bcci_tracking';
  const dataSource = createServiceDataSource({ url: url.toString(), applicationName: 'bcci-bench', entities: [], poolSize: 4 });
  await dataSource.initialize();
  return dataSource;
}
