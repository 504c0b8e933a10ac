import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { SqlStatement } from './sql-statement';
import { writeWithNextStatement } from './write-with-next-statement';

type Row = Record<string, unknown>;

/** Equality per property; an array means "any of these" (TypeORM's `In`), so not for jsonb columns. */
export type EntityConditions<T> = { [P in keyof T]?: T[P] | ReadonlyArray<T[P]> };

export interface InsertOptions {
  /** Rows that would break a unique constraint are left out (ON CONFLICT DO NOTHING, TypeORM's orIgnore). */
  ignoreConflicts?: boolean;
}

export interface SelectOptions<T> {
  /** Locks the rows read until the transaction ends (SELECT … FOR UPDATE). */
  forUpdate?: boolean;
  /** Ascending order of these properties. */
  orderBy?: ReadonlyArray<keyof T & string>;
}

/**
 * One entity's table as plain statements: what TypeORM's `findOne`, `insert` and `update` send, without
 * building a query (aliases, joins, parameters, hydration plan) at every call. On a hot step TypeORM's
 * query building costs more CPU than the statement itself. Statement texts depend only on the columns
 * used, so PostgreSQL's prepared statements are reused.
 *
 * Values go through the driver exactly as TypeORM persists and hydrates them (column transformers,
 * jsonb, dates), so rows written or read here are indistinguishable from TypeORM's. Only flat columns:
 * `of` refuses an entity with an embedded entity or a join column that is not also a plain property.
 */
export class EntityTable<T extends ObjectLiteral> {
  private static readonly tables = new WeakMap<EntityMetadata, EntityTable<ObjectLiteral>>();

  private readonly byProperty: ReadonlyMap<string, ColumnMetadata>;
  private readonly tableName: string;
  /** `SELECT <every column> FROM <table>`, the start of every read. */
  private readonly selectFrom: string;

  private constructor(private readonly metadata: EntityMetadata) {
    // A relation is fine when its join column is also a plain property (`dossierId` beside `dossier`);
    // a column that only a relation object holds, or an embedded entity, is not mapped here.
    const unmapped = metadata.columns.find((column) => column.embeddedMetadata || (column.relationMetadata && column.propertyName === column.relationMetadata.propertyName));
    if (unmapped) throw new Error(`EntityTable: ${metadata.name}.${unmapped.propertyPath} is held by a relation or an embedded entity, which it does not map`);
    this.byProperty = new Map(metadata.columns.map((column) => [column.propertyName, column]));
    this.tableName = metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName);
    this.selectFrom = `SELECT ${metadata.columns.map((column) => quote(column.databaseName)).join(', ')} FROM ${this.tableName}`;
  }

  /** The table of `target` (built once per entity and data source). */
  static of<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>): EntityTable<T> {
    const metadata = manager.connection.getMetadata(target);
    let table = EntityTable.tables.get(metadata);
    if (!table) {
      table = new EntityTable(metadata) as unknown as EntityTable<ObjectLiteral>;
      EntityTable.tables.set(metadata, table);
    }
    return table as unknown as EntityTable<T>;
  }

  /** `SELECT <every column> FROM <table> WHERE <conditions> [ORDER BY …] [FOR UPDATE]`. */
  select(where: EntityConditions<T>, options: SelectOptions<T> = {}): SqlStatement {
    const { clause, values } = this.conditions(where, 0);
    return { text: `${this.selectFrom} WHERE ${clause}${this.tail(options)}`, values };
  }

  private tail(options: SelectOptions<T>): string {
    const order = options.orderBy?.length ? ` ORDER BY ${options.orderBy.map((property) => quote(this.column(property).databaseName)).join(', ')}` : '';
    return `${order}${options.forUpdate ? ' FOR UPDATE' : ''}`;
  }

  /** The first row matching `where` (undefined when none). */
  async findOne(manager: EntityManager, where: EntityConditions<T>, options: SelectOptions<T> = {}): Promise<T | undefined> {
    return (await this.find(manager, where, options))[0];
  }

  /** Every row matching `where` (in `orderBy` order, otherwise in no particular order). */
  async find(manager: EntityManager, where: EntityConditions<T>, options: SelectOptions<T> = {}): Promise<T[]> {
    return this.read(manager, this.select(where, options));
  }

  /**
   * Rows matching a condition the property equalities cannot say (an OR, a range): `clause` is SQL on
   * the table's column names with parameters $1, $2… from `values`.
   */
  async findWhere(manager: EntityManager, clause: string, values: readonly unknown[], options: SelectOptions<T> = {}): Promise<T[]> {
    return this.read(manager, { text: `${this.selectFrom} WHERE ${clause}${this.tail(options)}`, values });
  }

  private async read(manager: EntityManager, { text, values }: SqlStatement): Promise<T[]> {
    return ((await manager.query(text, [...values])) as Row[]).map((row) => this.hydrate(row));
  }

  /** An entity from a row whose keys are column names, as TypeORM hydrates it. */
  hydrate(row: Row): T {
    const entity = this.metadata.create() as T;
    for (const column of this.metadata.columns) {
      if (!(column.databaseName in row)) continue;
      (entity as Row)[column.propertyName] = this.metadata.connection.driver.prepareHydratedValue(row[column.databaseName], column);
    }
    return entity;
  }

  /**
   * Inserts `rows` with one statement (see insertStatement). In a transaction the statement goes to
   * PostgreSQL with the transaction's next one (writeWithNextStatement): a failure (a constraint) fails
   * that next statement or the commit, and so the transaction, as it would have failed here.
   */
  async insert(manager: EntityManager, rows: ReadonlyArray<Partial<T>>, options: InsertOptions = {}): Promise<void> {
    await writeWithNextStatement(manager, this.insertStatement(rows, options));
  }

  /** Updates the rows matching `key` with one statement (see updateStatement), sent as insert's is. */
  async update(manager: EntityManager, key: EntityConditions<T>, changes: Partial<T>): Promise<void> {
    await writeWithNextStatement(manager, this.updateStatement(key, changes));
  }

  /** One INSERT of `rows`; a property left undefined takes the column's default. */
  insertStatement(rows: ReadonlyArray<Partial<T>>, options: InsertOptions = {}): SqlStatement {
    if (rows.length === 0) throw new RangeError(`EntityTable.insert(${this.metadata.name}) needs at least one row`);
    const columns = this.metadata.columns.filter((column) => rows.some((row) => (row as Row)[column.propertyName] !== undefined));
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      const cells = columns.map((column) => {
        const value = (row as Row)[column.propertyName];
        if (value === undefined) return 'DEFAULT';
        values.push(this.persistent(value, column));
        return `$${values.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    const onConflict = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : '';
    return { text: `INSERT INTO ${this.tableName} (${columns.map((column) => quote(column.databaseName)).join(', ')}) VALUES ${tuples.join(', ')}${onConflict}`, values };
  }

  /** `UPDATE <table> SET <changes> WHERE <key>`; `changes` must not be empty. */
  updateStatement(key: EntityConditions<T>, changes: Partial<T>): SqlStatement {
    const values: unknown[] = [];
    const assignments = Object.entries(changes)
      .filter(([, value]) => value !== undefined)
      .map(([property, value]) => {
        const column = this.column(property);
        values.push(this.persistent(value, column));
        return `${quote(column.databaseName)} = $${values.length}`;
      });
    if (assignments.length === 0) throw new RangeError(`EntityTable.update(${this.metadata.name}) needs at least one change`);
    const { clause, values: keyValues } = this.conditions(key, values.length);
    return { text: `UPDATE ${this.tableName} SET ${assignments.join(', ')} WHERE ${clause}`, values: [...values, ...keyValues] };
  }

  private conditions(where: EntityConditions<T>, offset: number): { clause: string; values: unknown[] } {
    const entries = Object.entries(where);
    if (entries.length === 0) throw new RangeError(`EntityTable(${this.metadata.name}): a condition needs at least one property`);
    // TypeORM drops a condition whose value is undefined, which can widen an UPDATE to every row: refuse it.
    const missing = entries.find(([, value]) => value === undefined);
    if (missing) throw new RangeError(`EntityTable(${this.metadata.name}): the condition on ${missing[0]} is undefined`);
    const values: unknown[] = [];
    const clause = entries
      .map(([property, value]) => {
        const column = this.column(property);
        if (value === null) return `${quote(column.databaseName)} IS NULL`;
        if (Array.isArray(value)) {
          // PostgreSQL infers the parameter as an array of the column's type.
          values.push(value.map((item: unknown) => this.persistent(item, column)));
          return `${quote(column.databaseName)} = ANY($${offset + values.length})`;
        }
        values.push(this.persistent(value, column));
        return `${quote(column.databaseName)} = $${offset + values.length}`;
      })
      .join(' AND ');
    return { clause, values };
  }

  private persistent(value: unknown, column: ColumnMetadata): unknown {
    return this.metadata.connection.driver.preparePersistentValue(value, column);
  }

  private column(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`EntityTable(${this.metadata.name}): no column for property ${property}`);
    return column;
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
