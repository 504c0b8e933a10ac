import type { DataSource } from 'typeorm';
import { waitUntil } from './wait-until';

/**
 * A row lock held by the test, to put steps of a service in a known order: while the test holds the
 * row, the steps sent meanwhile queue behind it in the order they arrive (`queued` waits until that
 * many are waiting), and `release` lets them through. For races whose outcome depends on what a step
 * reads once it is granted the lock.
 */
export class RowLockHolder {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly endHolding: () => void,
    private readonly done: Promise<void>,
  ) {}

  /** Runs `lockStatement` (a SELECT … FOR UPDATE) in a transaction of its own and keeps it open. */
  static async hold(dataSource: DataSource, lockStatement: string, parameters: unknown[]): Promise<RowLockHolder> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const done = dataSource.transaction(async (manager) => {
      await manager.query(lockStatement, parameters);
      locked();
      await released;
    });
    await Promise.race([holding, done]);
    return new RowLockHolder(dataSource, release, done);
  }

  /** Waits until `count` sessions of this database wait for a lock, naming `what` if they never do. */
  async queued(count: number, what: string): Promise<void> {
    await waitUntil(
      what,
      async () => {
        const [row] = (await this.dataSource.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)) as Array<{ waiting: number }>;
        return row!.waiting >= count;
      },
      30_000,
    );
  }

  /** Commits the holder's transaction: the queued steps go on, one at a time. */
  async release(): Promise<void> {
    this.endHolding();
    await this.done;
  }
}
