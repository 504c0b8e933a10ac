import type { EntityManager } from 'typeorm';

/**
 * Presuming a key is new: a step that would ask PostgreSQL whether a key is taken before going on (an
 * idempotency key, a consumer's inbox row, a stored document's hash) may instead insert it with a plain
 * INSERT sent with its next statement (writeWithNextStatement), saving the round trip the question
 * costs. Nearly always the key is new. When it is not, the INSERT meets the row (a unique violation of
 * the constraint the step named), the transaction fails, and whoever owns the transaction runs the
 * whole step again at once, presuming nothing: this time the step asks.
 *
 * Only an owner that reruns the step this way lets its steps presume (transactionWithRetry does, and
 * the consumer runtime of @bcci/messaging); in any other transaction presumeIfAllowed answers false and
 * the step asks, as before. A unique violation of a constraint nobody presumed on is the step's own
 * failure, and the owner treats it as any other.
 */
export interface Presumptions {
  /** Whether the transaction failed because a presumed key was taken: a unique violation of a constraint a step presumed on. */
  explains(error: unknown): boolean;
}

class TransactionPresumptions implements Presumptions {
  private readonly constraints = new Set<string>();

  note(constraint: string): void {
    this.constraints.add(constraint);
  }

  explains(error: unknown): boolean {
    const constraint = constraintOf(error);
    return isUniqueViolation(error) && constraint !== undefined && this.constraints.has(constraint);
  }
}

const states = new WeakMap<EntityManager, TransactionPresumptions>();

/** For the transaction's owner: lets steps presume in this transaction; ask `explains` once it failed. */
export function allowPresumptions(manager: EntityManager): Presumptions {
  const state = new TransactionPresumptions();
  states.set(manager, state);
  return state;
}

/**
 * Whether a step may presume its key is new in this transaction (see above), and notes that it does:
 * `constraint` is the unique constraint (index) its INSERT meets when the key is taken.
 */
export function presumeIfAllowed(manager: EntityManager, constraint: string): boolean {
  const state = states.get(manager);
  if (!state) return false;
  state.note(constraint);
  return true;
}

/** unique_violation: how a presumed key that was not new fails its transaction. */
export function isUniqueViolation(error: unknown): boolean {
  const failure = error as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  return (failure?.code ?? failure?.driverError?.code) === '23505';
}

/** The constraint PostgreSQL named (pg's error, or TypeORM's QueryFailedError around it). */
function constraintOf(error: unknown): string | undefined {
  const failure = error as { constraint?: unknown; driverError?: { constraint?: unknown } } | null | undefined;
  const constraint = failure?.constraint ?? failure?.driverError?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}
