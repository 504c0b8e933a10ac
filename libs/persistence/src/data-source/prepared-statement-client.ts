import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Distinct statements kept prepared per connection; beyond it, statements go unnamed (parsed each time). */
export const PREPARED_STATEMENTS_PER_CONNECTION = 500;

/** Only plain data statements with parameters are prepared: DDL, transaction control and LISTEN are not. */
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/**
 * A pg client that sends each parameterised data statement as a named prepared statement, so PostgreSQL
 * parses it once per connection instead of at every call (and, after a few executions, plans it once).
 * A service runs the same few dozen statements thousands of times a minute, and parsing and planning
 * them was a large part of PostgreSQL's CPU per dossier (docs/benchmarks.md). The name is a hash of the
 * text, so the same text always reuses the same statement. Statements whose text varies with their
 * input (IN lists of different lengths) could fill a connection with prepared statements: past
 * PREPARED_STATEMENTS_PER_CONNECTION distinct texts, new ones are sent unnamed, as before.
 *
 * Not for a transaction-pooling proxy (PgBouncer in transaction mode before 1.21), where a connection's
 * prepared statements do not follow the client; the services talk to PostgreSQL directly.
 */
/** Statement names by text, shared by the process's connections: hashing every call cost more than the lookup. */
const namesByText = new Map<string, string>();
const NAMES_REMEMBERED = 4096;

function statementName(text: string): string {
  let name = namesByText.get(text);
  if (name === undefined) {
    name = `bcci_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (namesByText.size < NAMES_REMEMBERED) namesByText.set(text, name);
  }
  return name;
}

export class PreparedStatementClient extends Client {
  private readonly prepared = new Set<string>();

  override query(config: unknown, values?: unknown, callback?: unknown): never {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && typeof callback !== 'function' && PREPARABLE.test(config)) {
      const name = statementName(config);
      if (this.prepared.has(name) || this.prepared.size < PREPARED_STATEMENTS_PER_CONNECTION) {
        this.prepared.add(name);
        return (super.query as (config: unknown) => never)({ name, text: config, values });
      }
    }
    return (super.query as (config: unknown, values?: unknown, callback?: unknown) => never)(config, values, callback);
  }
}
