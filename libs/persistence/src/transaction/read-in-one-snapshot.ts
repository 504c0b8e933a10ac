import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs several reads that a reader sees together (a timeline and its clocks, a chain's entries and its
 * head) against one snapshot: a REPEATABLE READ transaction, whose snapshot is taken at its first read.
 * Read apart, each statement (or each pooled connection of a Promise.all) sees its own moment, and a
 * commit landing between them shows half of it. A read-only transaction at this level never waits for
 * writers and is never refused for a serialization failure.
 */
export function readInOneSnapshot<T>(dataSource: DataSource, read: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', read);
}
