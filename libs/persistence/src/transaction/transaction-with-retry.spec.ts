import type { EntityManager } from 'typeorm';
import { presumeIfAllowed } from './presumption';
import { isRetryableTransactionError, transactionWithRetry } from './transaction-with-retry';

const manager = {} as EntityManager;
const failing = (code: string) => Object.assign(new Error(`SQLSTATE ${code}`), { code });

/** A DataSource whose transactions fail with the given errors first, then run the work. */
function dataSourceFailingWith(...errors: Error[]) {
  let transactions = 0;
  return {
    get transactions() {
      return transactions;
    },
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const error = errors[transactions++];
      if (error) throw error;
      return work(manager);
    },
  };
}

const noSleep = { sleep: async () => {} };

describe('transactionWithRetry', () => {
  it('runs the whole step again after a deadlock or a serialization failure', async () => {
    const dataSource = dataSourceFailingWith(failing('40P01'), failing('40001'));
    await expect(transactionWithRetry(dataSource as never, async () => 'done', noSleep)).resolves.toBe('done');
    expect(dataSource.transactions).toBe(3);
  });

  it('gives up after the last attempt with the last error', async () => {
    const dataSource = dataSourceFailingWith(failing('40P01'), failing('40P01'), failing('40001'));
    await expect(transactionWithRetry(dataSource as never, async () => 'done', noSleep)).rejects.toMatchObject({ code: '40001' });
    expect(dataSource.transactions).toBe(3);
  });

  it('throws any other error at once', async () => {
    const dataSource = dataSourceFailingWith(failing('23505'));
    await expect(transactionWithRetry(dataSource as never, async () => 'done', noSleep)).rejects.toMatchObject({ code: '23505' });
    expect(dataSource.transactions).toBe(1);
  });

  it('recognises the SQLSTATE on the error or on the driver error TypeORM wraps', () => {
    expect(isRetryableTransactionError({ driverError: { code: '40P01' } })).toBe(true);
    expect(isRetryableTransactionError(failing('40001'))).toBe(true);
    expect(isRetryableTransactionError(failing('23505'))).toBe(false);
    expect(isRetryableTransactionError(new Error('no code'))).toBe(false);
    expect(isRetryableTransactionError(undefined)).toBe(false);
  });
});

describe('transactionWithRetry and a step that presumes a key is new', () => {
  /** A DataSource whose transactions each get a manager of their own (presumption is per transaction). */
  function dataSourceRunning() {
    let transactions = 0;
    return {
      get transactions() {
        return transactions;
      },
      transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
        transactions++;
        return work({} as EntityManager);
      },
    };
  }

  /** What PostgreSQL answers when an INSERT meets a row of `constraint`. */
  const keyTaken = (constraint: string) => Object.assign(failing('23505'), { constraint });

  it('lets the first try presume, and runs the step again at once, presuming nothing, when the presumed key was taken', async () => {
    const dataSource = dataSourceRunning();
    const tries: boolean[] = [];
    const sleeps: number[] = [];
    const answer = await transactionWithRetry(
      dataSource as never,
      async (m) => {
        const presumed = presumeIfAllowed(m, 'keys_pkey');
        tries.push(presumed);
        if (presumed) throw keyTaken('keys_pkey');
        return 'asked';
      },
      { sleep: async (ms) => void sleeps.push(ms), attempts: 1 },
    );
    expect(answer).toBe('asked');
    expect(tries).toEqual([true, false]);
    // Not a failed attempt: no pause, and one attempt allowed was enough.
    expect(sleeps).toEqual([]);
  });

  it('throws a unique violation at once when the step presumed nothing, and the second one of a step that did', async () => {
    const plain = dataSourceRunning();
    await expect(transactionWithRetry(plain as never, async () => Promise.reject(keyTaken('keys_pkey')), noSleep)).rejects.toMatchObject({ code: '23505' });
    expect(plain.transactions).toBe(1);
    const presuming = dataSourceRunning();
    await expect(
      transactionWithRetry(presuming as never, async (m) => {
        presumeIfAllowed(m, 'keys_pkey');
        throw keyTaken('keys_pkey');
      }, noSleep),
    ).rejects.toMatchObject({ code: '23505' });
    expect(presuming.transactions).toBe(2);
  });

  it("throws at once a unique violation of a constraint the step did not presume on (the step's own failure)", async () => {
    const presuming = dataSourceRunning();
    await expect(
      transactionWithRetry(presuming as never, async (m) => {
        presumeIfAllowed(m, 'keys_pkey');
        throw keyTaken('orders_number_key');
      }, noSleep),
    ).rejects.toMatchObject({ constraint: 'orders_number_key' });
    expect(presuming.transactions).toBe(1);
  });

  it('lets no step presume in a transaction it does not own', () => {
    expect(presumeIfAllowed({} as EntityManager, 'keys_pkey')).toBe(false);
  });
});
