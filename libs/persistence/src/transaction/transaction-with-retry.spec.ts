import type { EntityManager } from 'typeorm';
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
