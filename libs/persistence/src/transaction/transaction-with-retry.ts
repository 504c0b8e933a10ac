import type { DataSource, EntityManager } from 'typeorm';
import { allowPresumptions, type Presumptions } from './presumption';

/**
 * SQLSTATEs after which the same transaction, run again from its first statement, can succeed:
 * serialization_failure (a SERIALIZABLE or REPEATABLE READ transaction lost a race) and
 * deadlock_detected (PostgreSQL aborted one of two transactions waiting on each other's locks).
 */
const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

export interface TransactionRetryOptions {
  /** Attempts in total, the first included (default 3). */
  attempts?: number;
  /** Pause before attempt n+1 is n × this, plus jitter, so the two losers do not collide again (default 20 ms). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** True for an error PostgreSQL raised because of a concurrent transaction, not because of this one's data. */
export function isRetryableTransactionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // TypeORM's QueryFailedError copies the driver's fields (code) and keeps the driver error too.
  const code = (error as { code?: unknown }).code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/**
 * Runs one step (a use case's whole read–decide–write) in a transaction, and runs the whole step again,
 * in a new transaction, when PostgreSQL aborts it on a deadlock or a serialization failure. Nothing of
 * an aborted attempt is kept, so `work` must do all its reads and writes with the manager it is given
 * (and no side effect outside the database). Other errors are thrown at once.
 *
 * Its first try lets the step presume a key is new (presumption.ts): should a presumed key meet its
 * row (a unique violation of the constraint it named), the step runs again at once, presuming nothing;
 * that try is not counted.
 *
 * For HTTP requests and other steps that own their transaction. An event handler runs in the
 * consumer's transaction (its inbox record commits with the effect): there the consumer runtime of
 * @bcci/messaging is the retry loop, as it runs a failed message again in a new transaction.
 */
export async function transactionWithRetry<T>(
  dataSource: Pick<DataSource, 'transaction'>,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionRetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 20;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let presume = true;
  for (let attempt = 1; ; attempt++) {
    let presumption: Presumptions | undefined;
    try {
      return await dataSource.transaction((manager) => {
        presumption = presume ? allowPresumptions(manager) : undefined;
        return work(manager);
      });
    } catch (error) {
      if (presumption?.explains(error)) {
        // A key presumed new was taken (a retried request): run the step again at once, asking this time.
        presume = false;
        attempt -= 1;
        continue;
      }
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await sleep(Math.round(backoffMs * attempt * (0.5 + Math.random())));
    }
  }
}
