import { openDB, type IDBPDatabase } from 'idb';
import type { OutboxItem, OutboxStore } from './outbox-item';

const DATABASE = 'bcci-post-office';
const ITEMS = 'outbox';

/** The outbox in this browser's IndexedDB: it outlives a reload, a closed tab and a restarted computer. */
export class IndexedDbOutboxStore implements OutboxStore {
  private readonly database: Promise<IDBPDatabase>;

  constructor() {
    this.database = openDB(DATABASE, 1, {
      upgrade(database) {
        const items = database.createObjectStore(ITEMS, { keyPath: 'id' });
        items.createIndex('owner', 'owner');
      },
    });
  }

  async list(owner: string): Promise<OutboxItem[]> {
    return (await this.database).getAllFromIndex(ITEMS, 'owner', owner) as Promise<OutboxItem[]>;
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    return (await this.database).get(ITEMS, id) as Promise<OutboxItem | undefined>;
  }

  async put(item: OutboxItem): Promise<void> {
    await (await this.database).put(ITEMS, item);
  }

  async delete(id: string): Promise<void> {
    await (await this.database).delete(ITEMS, id);
  }
}
