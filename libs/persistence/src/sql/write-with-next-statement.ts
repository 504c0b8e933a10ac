import type { EntityManager } from 'typeorm';
import { PreparedStatementClient } from '../data-source/prepared-statement-client';
import type { SqlStatement } from './sql-statement';

/**
 * Runs a write in the manager's transaction without a round trip of its own: it goes to PostgreSQL
 * with the transaction's next statement (its COMMIT at the latest, see PreparedStatementClient.deferWrite).
 * For writes whose result nobody reads and whose failure nobody handles but by failing the transaction:
 * an outbox row, a row update under a lock already held. Should the write fail, the next statement of
 * the transaction (or its commit) fails with its error. Outside a transaction it runs at once.
 */
export async function writeWithNextStatement(manager: EntityManager, statement: SqlStatement): Promise<void> {
  const runner = manager.queryRunner as (EntityManager['queryRunner'] & { databaseConnection?: unknown }) | undefined;
  const client = runner?.isTransactionActive ? runner.databaseConnection : undefined;
  if (client instanceof PreparedStatementClient) return client.deferWrite(statement.text, statement.values);
  await manager.query(statement.text, [...statement.values]);
}

/**
 * Takes a lock (a row's FOR UPDATE, an advisory lock) without a round trip of its own: it goes to
 * PostgreSQL with the transaction's next statement, in the same exchange, and PostgreSQL runs that
 * statement once the lock is granted. Under READ COMMITTED each statement takes its snapshot when it
 * starts, so the next statement reads what the lock's previous holder committed: "lock, then read"
 * costs one round trip instead of two. (One statement that both locks and reads does not do this: its
 * snapshot predates the wait, so rows the holder inserted stay invisible to it.) Outside a transaction
 * it runs at once.
 */
export const lockWithNextStatement: (manager: EntityManager, statement: SqlStatement) => Promise<void> = writeWithNextStatement;
