import type { EntityManager } from 'typeorm';

/**
 * The shape of the service kit's IdempotencyStore, as the use cases need it: a retried creating
 * request with the same Idempotency-Key returns the first answer (architecture.md §3).
 */
export interface IdempotencyRunner {
  run<T>(manager: EntityManager, scope: string, key: string | undefined, fn: () => Promise<T>, request?: unknown): Promise<T>;
}
