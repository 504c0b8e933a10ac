import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, createTestDatabase, runMigrations, type TestDatabase } from '@bcci/persistence';

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
});
