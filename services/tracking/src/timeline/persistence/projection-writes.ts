import { combineWritableStatements, type SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { ProjectionWrites } from '../application/timeline-projection';

/** Each write runs at once (a replay, or a projection applied on its own). */
export function immediateWrites(manager: EntityManager): ProjectionWrites {
  return {
    write: async (statement) => {
      await manager.query(statement.text, [...statement.values]);
    },
  };
}

/**
 * Writes held while the projections apply one recorded event, then sent as one statement
 * (combineWritableStatements): they go to different tables and none reads another's effect, so one
 * round trip replaces four for every event tracking records. Flushed before the next event of the
 * transaction, which may read what this one wrote.
 */
export class HeldWrites implements ProjectionWrites {
  private readonly held: SqlStatement[] = [];

  async write(statement: SqlStatement): Promise<void> {
    this.held.push(statement);
  }

  async flush(manager: EntityManager): Promise<void> {
    if (this.held.length === 0) return;
    const combined = combineWritableStatements(this.held.splice(0));
    await manager.query(combined.text, [...combined.values]);
  }
}
