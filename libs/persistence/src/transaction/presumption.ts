import type { EntityManager } from 'typeorm';

/**
 * Presuming a key is new: a step that would ask PostgreSQL whether a key is taken before going on
 * (an idempotency key, say) may instead insert it with a plain INSERT sent with its next statement
 * (writeWithNextStatement), saving the round trip the question costs. Nearly always the key is new.
 * When it is not, the INSERT meets the row (unique_violation), the transaction fails, and whoever owns
 * the transaction runs the whole step again at once, presuming nothing: this time the step asks.
 *
 * Only an owner that reruns the step this way lets its steps presume (transactionWithRetry does); in
 * any other transaction presumeIfAllowed answers false and the step asks, as before.
 */
interface PresumptionState {
  /** Set by a step that presumed: a unique violation of this transaction may be its key's. */
  presumed: boolean;
}

const states = new WeakMap<EntityManager, PresumptionState>();

/** For the transaction's owner: lets steps presume in this transaction; read `presumed` once it failed. */
export function allowPresumptions(manager: EntityManager): { readonly presumed: boolean } {
  const state: PresumptionState = { presumed: false };
  states.set(manager, state);
  return state;
}

/** Whether a step may presume its key is new in this transaction (see above), and note that it does. */
export function presumeIfAllowed(manager: EntityManager): boolean {
  const state = states.get(manager);
  if (!state) return false;
  state.presumed = true;
  return true;
}

/** unique_violation: how a presumed key that was not new fails its transaction. */
export function isUniqueViolation(error: unknown): boolean {
  const failure = error as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  return (failure?.code ?? failure?.driverError?.code) === '23505';
}
