import type { EntityManager } from 'typeorm';

/** The shape of the kit's IdempotencyStore the use cases need: a retry with the same key returns the first answer. */
export interface IdempotencyRunner {
  run<T>(manager: EntityManager, scope: string, key: string | undefined, fn: () => Promise<T>, request?: unknown): Promise<T>;
}
