import { combineWritableStatements, writeWithNextStatement, type SqlStatement } from '@bcci/persistence';
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
 * round trip replaces four for every event tracking records. The combined statement itself goes with
 * the transaction's next statement (its COMMIT, when the run's projections are done), as nobody reads
 * its result; a statement read after it still sees its effects.
 */
export class HeldWrites implements ProjectionWrites {
  private readonly held: SqlStatement[] = [];

  async write(statement: SqlStatement): Promise<void> {
    this.held.push(statement);
  }

  async flush(manager: EntityManager): Promise<void> {
    if (this.held.length === 0) return;
    await writeWithNextStatement(manager, combineWritableStatements(this.held.splice(0)));
  }
}
