import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, createTestDatabase, runMigrations, writeWithNextStatement, type TestDatabase } from '@bcci/persistence';
import { PREPARED_STATEMENTS_PER_CONNECTION } from '../src/data-source/prepared-statement-client';

class CreateGreeting1735689600001 implements MigrationInterface {
  name = 'CreateGreeting1735689600001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE greeting (id serial PRIMARY KEY, text text NOT NULL)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE greeting');
  }
}

describe('service data source and migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('data_source');
  });
  afterAll(() => db.drop());

  it('gives each test file a fresh, empty database', async () => {
    const dataSource = createServiceDataSource({ url: db.url, entities: [] });
    await dataSource.initialize();
    try {
      const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables).toEqual([]);
      const [{ current_database }] = await dataSource.query('SELECT current_database()');
      expect(current_database).toBe(db.name);
    } finally {
      await dataSource.destroy();
    }
  });

  it('applies pending migrations once, also when two instances migrate at the same time', async () => {
    const make = () => createServiceDataSource({ url: db.url, entities: [], migrations: [CreateGreeting1735689600001] });
    const [a, b] = [make(), make()];
    try {
      const [appliedA, appliedB] = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect([...appliedA, ...appliedB]).toEqual(['CreateGreeting1735689600001']);
      expect(await runMigrations(a)).toEqual([]);
      await a.query(`INSERT INTO greeting (text) VALUES ('xin chào')`);
      expect(await b.query('SELECT text FROM greeting')).toEqual([{ text: 'xin chào' }]);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });

  it('parses a parameterised statement once per connection (a named prepared statement), the same answers, and stops preparing past the cap', async () => {
    const dataSource = createServiceDataSource({ url: db.url, entities: [], poolSize: 1 });
    await dataSource.initialize();
    const connection = dataSource.createQueryRunner();
    const preparedOnThisConnection = async () =>
      (await connection.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'bcci_%'`)) as Array<{ statement: string }>;
    try {
      expect(await connection.query('SELECT $1::int + 1 AS n', [41])).toEqual([{ n: 42 }]);
      expect(await connection.query('SELECT $1::int + 1 AS n', [1])).toEqual([{ n: 2 }]);
      // Without parameters (DDL, BEGIN, LISTEN…) statements go as before.
      await connection.query('CREATE TEMPORARY TABLE scratch (n int)');
      expect((await preparedOnThisConnection()).map((p) => p.statement)).toEqual(['SELECT $1::int + 1 AS n']);

      for (let i = 0; i < PREPARED_STATEMENTS_PER_CONNECTION + 5; i++) expect(await connection.query(`SELECT $1::int + ${i} AS n`, [0])).toEqual([{ n: i }]);
      expect(await preparedOnThisConnection()).toHaveLength(PREPARED_STATEMENTS_PER_CONNECTION);
      // A statement prepared before the cap is still used.
      expect(await connection.query('SELECT $1::int + 1 AS n', [9])).toEqual([{ n: 10 }]);
    } finally {
      await connection.release();
      await dataSource.destroy();
    }
  });

  describe('a transaction\'s BEGIN, sent with its first statement', () => {
    const run = async (work: (dataSource: ReturnType<typeof createServiceDataSource>) => Promise<void>) => {
      const dataSource = createServiceDataSource({ url: db.url, entities: [] });
      await dataSource.initialize();
      try {
        await dataSource.query('CREATE TABLE IF NOT EXISTS ledger (id serial PRIMARY KEY, entry text NOT NULL)');
        await work(dataSource);
      } finally {
        await dataSource.destroy();
      }
    };

    it('commits and rolls back exactly as before: parameterised and plain first statements, answers intact', async () => {
      await run(async (dataSource) => {
        const inserted = await dataSource.transaction(async (manager) => {
          const [row] = await manager.query('INSERT INTO ledger (entry) VALUES ($1) RETURNING entry', ['kept']);
          const [{ inside }] = await manager.query('SELECT now() = statement_timestamp() AS inside');
          return { row, inside };
        });
        expect(inserted).toEqual({ row: { entry: 'kept' }, inside: false });
        await dataSource.transaction(async (manager) => {
          const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM ledger');
          await manager.query('INSERT INTO ledger (entry) VALUES ($1)', [`after ${count}`]);
        });
        await expect(
          dataSource.transaction(async (manager) => {
            await manager.query('INSERT INTO ledger (entry) VALUES ($1)', ['rolled back']);
            throw new Error('the step failed');
          }),
        ).rejects.toThrow('the step failed');
        expect((await dataSource.query('SELECT entry FROM ledger ORDER BY id')).map((row: { entry: string }) => row.entry)).toEqual(['kept', 'after 1']);
      });
    });

    it('leaves a transaction whose first statement fails rolled back, and the connection usable', async () => {
      await run(async (dataSource) => {
        await expect(dataSource.transaction((manager) => manager.query('INSERT INTO ledger (missing_column) VALUES ($1)', ['x']))).rejects.toThrow(/missing_column/);
        await expect(dataSource.transaction((manager) => manager.query('SELECT 1/0 AS n'))).rejects.toThrow(/division by zero/);
        // Several statements in one string, first in the transaction (as a migration may send them).
        await dataSource.transaction((manager) => manager.query(`INSERT INTO ledger (entry) VALUES ('one'); INSERT INTO ledger (entry) VALUES ('two')`));
        expect(await dataSource.query(`SELECT count(*)::int AS n FROM ledger WHERE entry IN ('one', 'two')`)).toEqual([{ n: 2 }]);
        // An empty transaction sends nothing and still commits; the next one works on the same pool.
        await dataSource.transaction(async () => undefined);
        const [row] = await dataSource.transaction((manager) => manager.query('INSERT INTO ledger (entry) VALUES ($1) RETURNING entry', ['after failures']));
        expect(row).toEqual({ entry: 'after failures' });
      });
    });

    it('runs the first statement inside the transaction (two transactions lock one row one after the other)', async () => {
      await run(async (dataSource) => {
        await dataSource.query(`INSERT INTO ledger (entry) VALUES ('counter 0')`);
        const bump = () =>
          dataSource.transaction(async (manager) => {
            const [{ entry }] = await manager.query(`SELECT entry FROM ledger WHERE entry LIKE $1 FOR UPDATE`, ['counter %']);
            await manager.query('UPDATE ledger SET entry = $1 WHERE entry = $2', [`counter ${Number(entry.split(' ')[1]) + 1}`, entry]);
          });
        await Promise.all(Array.from({ length: 5 }, bump));
        expect(await dataSource.query(`SELECT entry FROM ledger WHERE entry LIKE 'counter %'`)).toEqual([{ entry: 'counter 5' }]);
      });
    });
  });

  describe('writes sent with the transaction\'s next statement (writeWithNextStatement)', () => {
    const withLedger = async (work: (dataSource: ReturnType<typeof createServiceDataSource>) => Promise<void>) => {
      // One connection: what one transaction deferred must not leak into the next on the same connection.
      const dataSource = createServiceDataSource({ url: db.url, entities: [], poolSize: 1 });
      await dataSource.initialize();
      try {
        await dataSource.query('CREATE TABLE IF NOT EXISTS deferred_ledger (id serial PRIMARY KEY, entry text NOT NULL UNIQUE, at timestamptz)');
        await dataSource.query('TRUNCATE deferred_ledger');
        await work(dataSource);
      } finally {
        await dataSource.destroy();
      }
    };
    const insert = (entry: string, at: Date | null = null) => ({ text: 'INSERT INTO deferred_ledger (entry, at) VALUES ($1, $2)', values: [entry, at] });
    const entries = async (dataSource: ReturnType<typeof createServiceDataSource>) =>
      ((await dataSource.query('SELECT entry FROM deferred_ledger ORDER BY id')) as Array<{ entry: string }>).map((row) => row.entry);
    /** Round trips of the pool's one connection during `work`: each ends with a Sync (extended protocol) or is a simple Query. */
    const roundTripsOf = async (dataSource: ReturnType<typeof createServiceDataSource>, work: () => Promise<void>) => {
      type Ends = { sync: (...args: unknown[]) => unknown; query: (...args: unknown[]) => unknown };
      const client = (dataSource.driver as unknown as { master: { _clients: Array<{ connection: Ends }> } }).master._clients[0]!;
      const connection = client.connection;
      const { sync, query } = connection;
      let roundTrips = 0;
      connection.sync = (...args) => ((roundTrips += 1), sync.apply(connection, args));
      connection.query = (...args) => ((roundTrips += 1), query.apply(connection, args));
      try {
        await work();
      } finally {
        Object.assign(connection, { sync, query });
      }
      return roundTrips;
    };

    it('commits deferred writes with the COMMIT, in order, values converted as pg converts them (a Date), and reads after them see them', async () => {
      await withLedger(async (dataSource) => {
        const at = new Date('2026-12-07T01:02:03.456Z');
        // The first use of a text on a connection goes at once (it prepares the statement).
        await dataSource.transaction((manager) => writeWithNextStatement(manager, insert('first use')));
        let seenInside: string[] = [];
        await dataSource.transaction(async (manager) => {
          await writeWithNextStatement(manager, insert('a', at));
          await writeWithNextStatement(manager, insert('b'));
          seenInside = ((await manager.query('SELECT entry FROM deferred_ledger ORDER BY id')) as Array<{ entry: string }>).map((row) => row.entry);
          await writeWithNextStatement(manager, insert('c'));
        });
        expect(seenInside).toEqual(['first use', 'a', 'b']);
        expect(await entries(dataSource)).toEqual(['first use', 'a', 'b', 'c']);
        const [{ stored }] = await dataSource.query(`SELECT at AS stored FROM deferred_ledger WHERE entry = 'a'`);
        expect(stored).toEqual(at);
      });
    });

    it('sends a transaction of deferred writes as one round trip: BEGIN, the writes and COMMIT together', async () => {
      await withLedger(async (dataSource) => {
        await dataSource.transaction((manager) => writeWithNextStatement(manager, insert('prepares the statement')));
        const roundTrips = await roundTripsOf(dataSource, () =>
          dataSource.transaction(async (manager) => {
            await writeWithNextStatement(manager, insert('x'));
            await writeWithNextStatement(manager, insert('y'));
          }),
        );
        expect(roundTrips).toBe(1);
        expect(await entries(dataSource)).toEqual(['prepares the statement', 'x', 'y']);
        // The same two writes sent as statements of their own: BEGIN with the first, the second, COMMIT.
        const asStatements = await roundTripsOf(dataSource, () =>
          dataSource.transaction(async (manager) => {
            await manager.query(insert('x2').text, insert('x2').values);
            await manager.query(insert('y2').text, insert('y2').values);
          }),
        );
        expect(asStatements).toBe(3);
      });
    });

    it('fails the transaction at its COMMIT when a deferred write fails, rolls everything back, and leaves the connection usable', async () => {
      await withLedger(async (dataSource) => {
        await dataSource.transaction((manager) => writeWithNextStatement(manager, insert('taken')));
        await expect(
          dataSource.transaction(async (manager) => {
            await writeWithNextStatement(manager, insert('written before the failure'));
            await writeWithNextStatement(manager, insert('taken'));
          }),
        ).rejects.toThrow(/duplicate key/);
        // A failure surfacing at a later statement fails that statement, as the write itself would have.
        await expect(
          dataSource.transaction(async (manager) => {
            await writeWithNextStatement(manager, insert('taken'));
            await manager.query('SELECT count(*) FROM deferred_ledger');
          }),
        ).rejects.toThrow(/duplicate key/);
        expect(await entries(dataSource)).toEqual(['taken']);
        await dataSource.transaction((manager) => writeWithNextStatement(manager, insert('after the failures')));
        expect(await entries(dataSource)).toEqual(['taken', 'after the failures']);
      });
    });

    it('prepares a statement first sent behind a deferred write that failed when it is sent again (it was never parsed)', async () => {
      await withLedger(async (dataSource) => {
        await dataSource.transaction((manager) => writeWithNextStatement(manager, insert('taken')));
        // Never sent on this connection before: its Parse goes in the failed exchange, after BEGIN's, and
        // PostgreSQL skips it. The client must not take BEGIN's ParseComplete for it.
        const firstTime = 'SELECT count(*)::int AS n FROM deferred_ledger WHERE entry <> $1';
        await expect(
          dataSource.transaction(async (manager) => {
            await writeWithNextStatement(manager, insert('taken'));
            await manager.query(firstTime, ['nothing']);
          }),
        ).rejects.toThrow(/duplicate key/);
        const [{ n }] = await dataSource.transaction((manager) => manager.query(firstTime, ['nothing']));
        expect(n).toBe(1);
        expect(await dataSource.query(firstTime, ['taken'])).toEqual([{ n: 0 }]);
      });
    });

    it('drops deferred writes of a transaction that rolls back, and writes at once outside a transaction', async () => {
      await withLedger(async (dataSource) => {
        await dataSource.transaction((manager) => writeWithNextStatement(manager, insert('prepared')));
        await expect(
          dataSource.transaction(async (manager) => {
            await writeWithNextStatement(manager, insert('never'));
            throw new Error('the step failed');
          }),
        ).rejects.toThrow('the step failed');
        await writeWithNextStatement(dataSource.manager, insert('outside'));
        expect(await entries(dataSource)).toEqual(['prepared', 'outside']);
      });
    });
  });
});
