import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities from rows that PostgreSQL aggregated into JSON (`json_agg(c)` in a sub-select), so that an
 * aggregate and its children load in one statement instead of one query per table. JSON keys are column
 * names; the entity's metadata maps them to properties, and turns the JSON text of timestamp columns back
 * into Dates and applies column transformers (dates arrive as TypeORM gives them: 'YYYY-MM-DD').
 */
export function entitiesFromJson<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: unknown): T[] {
  if (rows === null || rows === undefined) return [];
  const list = typeof rows === 'string' ? (JSON.parse(rows) as unknown[]) : (rows as unknown[]);
  const metadata = manager.connection.getMetadata(target);
  return list.map((json) => {
    const entity = metadata.create() as T;
    const source = json as Record<string, unknown>;
    for (const column of metadata.columns) {
      if (!(column.databaseName in source)) continue;
      const value = source[column.databaseName];
      const isTimestamp = column.type === 'timestamptz' || column.type === 'timestamp' || column.type === 'timestamp with time zone' || column.type === Date;
      const parsed = value !== null && isTimestamp ? new Date(value as string) : value;
      // The column's own transformer, as TypeORM applies it when it loads an entity.
      const transformers = column.transformer === undefined ? [] : Array.isArray(column.transformer) ? [...column.transformer].reverse() : [column.transformer];
      (entity as Record<string, unknown>)[column.propertyName] = transformers.reduce((current, transformer) => transformer.from(current), parsed);
    }
    return entity;
  });
}
