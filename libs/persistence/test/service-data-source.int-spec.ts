import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, createTestDatabase, runMigrations, type TestDatabase } from '@bcci/persistence';
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
});
