/**
 * The properties whose values differ between two rows of one entity, or undefined when none does: what
 * an UPDATE needs to send after a decision, instead of TypeORM's save (a read of the row, then an update).
 * Dates compare by instant; arrays and objects (jsonb columns) by their JSON.
 */
export function changedColumns<T extends object>(before: T, after: T): Partial<T> | undefined {
  const changes: Partial<T> = {};
  let changed = false;
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (!sameValue(before[key], after[key])) {
      changes[key] = after[key];
      changed = true;
    }
  }
  return changed ? changes : undefined;
}

function sameValue(was: unknown, is: unknown): boolean {
  if (was instanceof Date && is instanceof Date) return was.getTime() === is.getTime();
  if (was !== null && is !== null && typeof was === 'object' && typeof is === 'object') return JSON.stringify(was) === JSON.stringify(is);
  return was === is;
}
