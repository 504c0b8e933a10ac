import { createHash } from 'node:crypto';
import { Client, Query } from 'pg';

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

/** The transaction starts as TypeORM (START TRANSACTION) and others (BEGIN) write them, alone. */
const TRANSACTION_START = /^\s*(START TRANSACTION|BEGIN)\s*;?\s*$/i;
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

interface PgResult {
  command: string;
  rowCount: number | null;
  rows: unknown[];
  fields: unknown[];
}

/** What of pg's Query and connection (runtime API, not in its typings) the pipelined BEGIN uses. */
interface PgConnection {
  readonly stream: { cork?: () => void; uncork?: () => void };
  parse(message: { text: string }): void;
  bind(message: object): void;
  execute(message: object): void;
}
type PgQueryClass = new (config: { name?: string; text: string; values: unknown[] }) => {
  submit(connection: PgConnection): Error | null;
  callback?: (error: Error | null, result: PgResult | PgResult[]) => void;
};

const noRows = (command: string): PgResult => ({ command, rowCount: null, rows: [], fields: [] });

/** The statement's own result: sent after BEGIN in one exchange, pg answers both. */
const lastResult = (result: PgResult | PgResult[]): PgResult => (Array.isArray(result) ? result[result.length - 1]! : result);

/**
 * A query sent in the same round trip as the BEGIN before it (extended protocol: BEGIN's parse, bind and
 * execute, then the statement's, then one Sync). PostgreSQL runs them in order; an error in the
 * statement leaves the transaction open and failed, exactly as if BEGIN had gone first alone, and the
 * caller rolls back.
 */
class QueryAfterBegin extends (Query as unknown as PgQueryClass) {
  override submit(connection: PgConnection): Error | null {
    connection.stream.cork?.();
    try {
      connection.parse({ text: 'BEGIN' });
      connection.bind({});
      connection.execute({});
      return super.submit(connection);
    } finally {
      connection.stream.uncork?.();
    }
  }
}

export class PreparedStatementClient extends Client {
  private readonly prepared = new Set<string>();
  /**
   * BEGIN was asked for and not sent yet. It goes to PostgreSQL with the transaction's first statement,
   * in one round trip: every transaction costs one round trip less (a service runs thousands a minute,
   * and round trips are most of its cost, docs/benchmarks.md). A transaction with no statement sends
   * nothing at all.
   */
  private beginPending = false;

  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const promised = typeof callback !== 'function' && typeof values !== 'function';
    if (typeof config === 'string' && promised && !(Array.isArray(values) && values.length > 0)) {
      if (TRANSACTION_START.test(config)) {
        this.beginPending = true;
        return Promise.resolve(noRows('BEGIN')) as never;
      }
      if (this.beginPending && TRANSACTION_END.test(config)) {
        this.beginPending = false;
        return Promise.resolve(noRows(config.trim().replace(/;$/, '').toUpperCase())) as never;
      }
    }
    if (this.beginPending) {
      this.beginPending = false;
      if (typeof config === 'string' && promised) {
        if (Array.isArray(values) && values.length > 0 && PREPARABLE.test(config)) return this.afterBegin(config, values);
        // A statement without parameters goes as a simple query after BEGIN, in the same round trip.
        return ((super.query as (config: unknown) => Promise<PgResult | PgResult[]>)(`BEGIN;\n${config}`).then(lastResult)) as never;
      }
      // Anything else (a callback, a cursor) waits for a BEGIN of its own, queued first.
      void (super.query as (config: unknown) => Promise<unknown>)('BEGIN').catch(() => undefined);
    }
    return this.send(config, values, callback);
  }

  private afterBegin(text: string, values: unknown[]): never {
    const name = this.preparedName(text);
    return new Promise<PgResult>((resolve, reject) => {
      const query = new QueryAfterBegin(name ? { name, text, values } : { text, values });
      query.callback = (error: Error | null, result: PgResult | PgResult[]) => (error ? reject(error) : resolve(lastResult(result)));
      (super.query as (config: unknown) => unknown)(query);
    }) as never;
  }

  private send(config: unknown, values?: unknown, callback?: unknown): never {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && typeof callback !== 'function' && PREPARABLE.test(config)) {
      const name = this.preparedName(config);
      if (name) return (super.query as (config: unknown) => never)({ name, text: config, values });
    }
    return (super.query as (config: unknown, values?: unknown, callback?: unknown) => never)(config, values, callback);
  }

  /** The statement's name when it is (or may now be) prepared on this connection; undefined past the cap. */
  private preparedName(text: string): string | undefined {
    const name = statementName(text);
    if (!this.prepared.has(name) && this.prepared.size >= PREPARED_STATEMENTS_PER_CONNECTION) return undefined;
    this.prepared.add(name);
    return name;
  }
}
