import type { DataSource } from 'typeorm';
import { createServiceDataSource, createTestDatabase, PostalItemSerials, type AllocatedSerial, type TestDatabase } from '@bcci/persistence';

const serials = new PostalItemSerials({ defaultServiceIndicator: 'EK', blockSize: 5, allocationLock: 'bcci.test.postal_item_ranges' });

describe('PostalItemSerials: S10 serials from a database of postal item ranges', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('postal_item_serials');
    dataSource = createServiceDataSource({ url: db.url, entities: [] });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE postal_item_ranges (
      id serial PRIMARY KEY, postal_code text NOT NULL, service_indicator text NOT NULL,
      first_serial integer NOT NULL, last_serial integer NOT NULL, next_serial integer NOT NULL,
      CHECK (first_serial <= last_serial AND next_serial BETWEEN first_serial AND last_serial + 1))`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });
  beforeEach(() => dataSource.query('TRUNCATE postal_item_ranges RESTART IDENTITY'));

  const draw = (postalCode: string): Promise<AllocatedSerial> => dataSource.transaction((manager) => serials.next(manager, postalCode));

  it("draws from the operator's ranges of the point in id order, then allocates blocks of the default indicator", async () => {
    await dataSource.query(`INSERT INTO postal_item_ranges (postal_code, service_indicator, first_serial, last_serial, next_serial) VALUES
      ('33100', 'RR', 70, 71, 70), ('33100', 'RS', 10, 10, 10), ('33700', 'RR', 500, 509, 500)`);
    const drawn = [];
    for (let i = 0; i < 5; i++) drawn.push(await draw('33100'));
    expect(drawn).toEqual([
      { serviceIndicator: 'RR', serial: 70 },
      { serviceIndicator: 'RR', serial: 71 },
      { serviceIndicator: 'RS', serial: 10 },
      { serviceIndicator: 'EK', serial: 1 },
      { serviceIndicator: 'EK', serial: 2 },
    ]);
    expect(await draw('33700')).toEqual({ serviceIndicator: 'RR', serial: 500 });
  });

  it('gives two points blocks that never overlap, and a point a new block once its own runs out', async () => {
    const first = await draw('33100');
    const second = await draw('33700');
    for (let i = 0; i < 4; i++) await draw('33100');
    const afterBlock = await draw('33100');
    expect([first.serial, second.serial, afterBlock.serial]).toEqual([1, 6, 11]);
    const blocks: Array<{ postal_code: string; first_serial: number; last_serial: number }> = await dataSource.query(
      `SELECT postal_code, first_serial, last_serial FROM postal_item_ranges ORDER BY first_serial`,
    );
    expect(blocks).toEqual([
      { postal_code: '33100', first_serial: 1, last_serial: 5 },
      { postal_code: '33700', first_serial: 6, last_serial: 10 },
      { postal_code: '33100', first_serial: 11, last_serial: 15 },
    ]);
  });

  it('leaves no gap when the issuing transaction rolls back', async () => {
    await draw('33100');
    await expect(
      dataSource.transaction(async (manager) => {
        await serials.next(manager, '33100');
        throw new Error('the item was not issued');
      }),
    ).rejects.toThrow('the item was not issued');
    expect(await draw('33100')).toEqual({ serviceIndicator: 'EK', serial: 2 });
  });

  it('hands different serials to draws at one point at the same time, the first block included', async () => {
    const drawn = await Promise.all(Array.from({ length: 8 }, () => draw('33100')));
    expect(drawn.map((allocated) => allocated.serial).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses a block past the 8-digit serial space', async () => {
    await dataSource.query(`INSERT INTO postal_item_ranges (postal_code, service_indicator, first_serial, last_serial, next_serial) VALUES ('33700', 'EK', 99999990, 99999999, 100000000)`);
    await expect(draw('33100')).rejects.toThrow(/S10 serial space of EK is exhausted/);
  });
});
