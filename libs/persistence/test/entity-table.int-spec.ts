import { Column, Entity, PrimaryColumn, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createServiceDataSource, createTestDatabase, EntityTable, runMigrations, type TestDatabase } from '@bcci/persistence';

const amountAsNumber = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

@Entity({ name: 'parcel' })
class ParcelEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ name: 'fee', type: 'bigint', nullable: true, transformer: amountAsNumber })
  fee!: number | null;

  @Column({ name: 'documents', type: 'jsonb' })
  documents!: Array<{ code: string; copies: number }>;

  @Column({ name: 'handed_over_at', type: 'timestamptz', nullable: true })
  handedOverAt!: Date | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ name: 'note', type: 'text', default: 'none' })
  note!: string;
}

class CreateParcel1735689600001 implements MigrationInterface {
  name = 'CreateParcel1735689600001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE parcel (id uuid PRIMARY KEY, postal_code text NOT NULL, fee bigint, documents jsonb NOT NULL,
        handed_over_at timestamptz, due_on date, note text NOT NULL DEFAULT 'none')`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE parcel');
  }
}

const first = {
  id: '00000000-0000-4000-8000-000000000001',
  postalCode: '310000',
  fee: 2_500_000_000,
  documents: [{ code: 'TK01', copies: 2 }],
  handedOverAt: new Date('2026-12-07T03:04:05.678Z'),
  dueOn: '2026-12-31',
};
const second = { id: '00000000-0000-4000-8000-000000000002', postalCode: '330000', fee: null, documents: [], handedOverAt: null, dueOn: null };

describe('EntityTable: TypeORM rows through plain statements', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('entity_table');
    dataSource = createServiceDataSource({ url: db.url, entities: [ParcelEntity], migrations: [CreateParcel1735689600001] });
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });
  beforeEach(() => dataSource.query('TRUNCATE parcel'));

  const parcels = () => EntityTable.of(dataSource.manager, ParcelEntity);

  it('writes rows that TypeORM reads back unchanged (transformer, jsonb, timestamp, date), and column defaults for what is left out', async () => {
    await parcels().insert(dataSource.manager, [first, second]);

    const byTypeorm = await dataSource.manager.find(ParcelEntity, { order: { id: 'ASC' } });
    expect(byTypeorm).toEqual([
      { ...first, note: 'none' },
      { ...second, note: 'none' },
    ]);
  });

  it('reads rows exactly as TypeORM hydrates them, with "any of" conditions and an order', async () => {
    await dataSource.manager.insert(ParcelEntity, [first, second]);

    const all = await parcels().find(dataSource.manager, { id: [second.id, first.id] }, { orderBy: ['postalCode'] });
    expect(all).toEqual(await dataSource.manager.find(ParcelEntity, { order: { postalCode: 'ASC' } }));
    expect(all[0]).toBeInstanceOf(ParcelEntity);
    expect(await parcels().findOne(dataSource.manager, { postalCode: '330000', fee: null })).toEqual({ ...second, note: 'none' });
    expect(await parcels().findOne(dataSource.manager, { postalCode: '999999' })).toBeUndefined();
  });

  it('updates only the matching row, with the same conversions', async () => {
    await parcels().insert(dataSource.manager, [first, second]);

    await parcels().update(dataSource.manager, { id: second.id }, { fee: 12_000, documents: [{ code: 'KQ', copies: 1 }], dueOn: '2027-01-04' });

    expect(await dataSource.manager.findOneByOrFail(ParcelEntity, { id: second.id })).toMatchObject({ fee: 12_000, documents: [{ code: 'KQ', copies: 1 }], dueOn: '2027-01-04' });
    expect(await dataSource.manager.findOneByOrFail(ParcelEntity, { id: first.id })).toEqual({ ...first, note: 'none' });
  });

  it('locks the row it reads for update until the transaction ends', async () => {
    await parcels().insert(dataSource.manager, [first]);
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let lockTaken!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));

    const holder = dataSource.transaction(async (manager) => {
      await parcels().findOne(manager, { id: first.id }, { forUpdate: true });
      lockTaken();
      await firstHolds;
      await parcels().update(manager, { id: first.id }, { note: 'held' });
      events.push('holder committed');
    });
    await taken;
    const waiter = dataSource.transaction(async (manager) => {
      const seen = await parcels().findOne(manager, { id: first.id }, { forUpdate: true });
      events.push(`waiter read ${seen?.note}`);
    });
    await waitForABackendBlockedOnALock();
    expect(events).toEqual([]);
    releaseFirst();
    await Promise.all([holder, waiter]);
    expect(events).toEqual(['holder committed', 'waiter read held']);
  });

  /** Polls pg_stat_activity until some backend of this database waits for a lock (5 s deadline). */
  async function waitForABackendBlockedOnALock(): Promise<void> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const [{ blocked }] = (await dataSource.query(
        `SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )) as Array<{ blocked: number }>;
      if (blocked > 0) return;
      if (Date.now() > deadline) throw new Error('waited 5 s for the second transaction to block on the row lock; it never did');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('refuses a condition whose value is undefined instead of widening the statement to every row', () => {
    expect(() => parcels().updateStatement({ id: undefined }, { note: 'x' })).toThrow(/condition on id is undefined/);
    expect(() => parcels().updateStatement({ id: first.id }, {})).toThrow(/at least one change/);
  });
});
