import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in the caller's transaction (an event handler's, whose inbox row must commit with the
 * effect) or in a new one (an HTTP request).
 */
export function inTransaction<T>(dataSource: DataSource, manager: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return manager ? work(manager) : dataSource.transaction(work);
}
