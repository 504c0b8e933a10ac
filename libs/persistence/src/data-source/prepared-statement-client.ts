import { createHash } from 'node:crypto';
import pg, { Client, Query } from 'pg';

/** pg's own conversion of parameter values (Date, Buffer, arrays, objects as JSON), as its queries use it. */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils.prepareValue;

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

/** What of pg's Query and connection (runtime API, not in its typings) the pipelined statements use. */
interface PgConnection {
  readonly stream: { cork?: () => void; uncork?: () => void };
  readonly parsedStatements: Record<string, string | undefined>;
  parse(message: { text: string }): void;
  bind(message: object): void;
  describe(message: object): void;
  execute(message: object): void;
}
type PgQueryClass = new (text: string, values: unknown[]) => {
  name?: string;
  queryMode?: 'extended';
  submit(connection: PgConnection): Error | null;
  callback?: (error: Error | null, result: PgResult | PgResult[]) => void;
};

/** What a statement is sent as: its text and values, its prepared name, or the extended protocol without one. */
interface Statement {
  readonly name?: string;
  readonly text: string;
  readonly values: unknown[];
  readonly queryMode?: 'extended';
}

const noRows = (command: string): PgResult => ({ command, rowCount: null, rows: [], fields: [] });

/** The statement's own result: sent after BEGIN (or deferred writes) in one exchange, pg answers each. */
const lastResult = (result: PgResult | PgResult[]): PgResult => (Array.isArray(result) ? result[result.length - 1]! : result);

/** A write whose result nobody waits for: it goes to PostgreSQL with the transaction's next statement. */
interface DeferredWrite {
  /** Its prepared statement, already parsed on this connection. */
  readonly name: string;
  readonly values: unknown[];
}

/**
 * A query sent in the same round trip as what comes before it in the transaction: the BEGIN not sent
 * yet, then writes deferred until the next statement (extended protocol: each one's parse or bind and
 * execute, then the query's own, then one Sync). PostgreSQL runs them in order; an error in any of them
 * skips the rest, leaves the transaction failed and is this query's error, and the caller rolls back
 * exactly as if each had been sent alone.
 */
class PipelinedQuery extends (Query as unknown as PgQueryClass) {
  /**
   * ParseCompletes still to come for statements sent before this query's own (BEGIN's). pg takes every
   * ParseComplete it receives while a query is active for that query's, and from then on sends the
   * query's statement without a Parse: had BEGIN's been taken for it and a deferred write then failed,
   * PostgreSQL would have skipped the query's Parse, and every later use of the statement on this
   * connection would fail ("prepared statement … does not exist").
   */
  foreignParseCompletes: number;

  constructor(
    statement: Statement,
    private readonly begin: boolean,
    private readonly writes: readonly DeferredWrite[],
  ) {
    // Text and values, not a config object: pg copies a config object property by property (with
    // Object.getOwnPropertyDescriptors), which cost 1-2 % of a service's CPU at every statement.
    super(statement.text, statement.values);
    this.name = statement.name;
    this.queryMode = statement.queryMode;
    this.foreignParseCompletes = begin ? 1 : 0;
  }

  override submit(connection: PgConnection): Error | null {
    connection.stream.cork?.();
    try {
      if (this.begin) {
        connection.parse({ text: 'BEGIN' });
        connection.bind({});
        connection.execute({});
      }
      for (const write of this.writes) {
        connection.bind({ statement: write.name, values: write.values, valueMapper: prepareValue });
        connection.describe({ type: 'P', name: '' });
        connection.execute({});
      }
      return super.submit(connection);
    } finally {
      connection.stream.uncork?.();
    }
  }
}

/** pg's handler of ParseComplete (runtime API, not in its typings), which PreparedStatementClient wraps. */
const handleParseComplete = (Client.prototype as unknown as { _handleParseComplete(this: Client): void })._handleParseComplete;

export class PreparedStatementClient extends Client {
  private readonly prepared = new Set<string>();
  /**
   * BEGIN was asked for and not sent yet. It goes to PostgreSQL with the transaction's first statement,
   * in one round trip: every transaction costs one round trip less (a service runs thousands a minute,
   * and round trips are most of its cost, docs/benchmarks.md). A transaction with no statement sends
   * nothing at all.
   */
  private beginPending = false;
  /** Between the transaction's start and its COMMIT or ROLLBACK (as asked for, sent or not). */
  private inTransaction = false;
  /** Writes waiting for the transaction's next statement (deferWrite). */
  private deferred: DeferredWrite[] = [];

  /**
   * Sends a write of the open transaction together with the transaction's next statement (its COMMIT
   * at the latest), one round trip instead of two: for writes whose result nobody reads (an outbox row,
   * an UPDATE under a lock already held). Their error, if any, becomes the next statement's error, and
   * the transaction fails as it would have. The first time a text is written on this connection it is
   * sent at once, which prepares it; outside a transaction, always at once.
   */
  async deferWrite(text: string, values: readonly unknown[]): Promise<void> {
    const name = statementName(text);
    const parsed = (this as unknown as { connection: PgConnection }).connection.parsedStatements[name] === text;
    if (!this.inTransaction || !parsed || values.length === 0) {
      await (this.query as (text: string, values: unknown[]) => Promise<unknown>)(text, [...values]);
      return;
    }
    this.deferred.push({ name, values: [...values] });
  }

  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const promised = typeof callback !== 'function' && typeof values !== 'function';
    const parameterised = Array.isArray(values) && values.length > 0;
    if (typeof config === 'string' && promised && !parameterised) {
      if (TRANSACTION_START.test(config)) {
        this.beginPending = true;
        this.inTransaction = true;
        return Promise.resolve(noRows('BEGIN')) as never;
      }
      if (TRANSACTION_END.test(config)) {
        const command = config.trim().replace(/;$/, '').toUpperCase();
        this.inTransaction = false;
        // Nothing a rolled-back transaction wrote needs sending.
        if (command === 'ROLLBACK') this.deferred = [];
        if (this.beginPending && this.deferred.length === 0) {
          this.beginPending = false;
          return Promise.resolve(noRows(command)) as never;
        }
      }
    }
    if ((this.beginPending || this.deferred.length > 0) && typeof config === 'string' && promised) {
      if (!parameterised && this.deferred.length === 0) {
        // A plain statement after BEGIN goes as one simple query with it, which (unlike the extended
        // protocol) also takes several statements in one string, as a migration may send.
        this.beginPending = false;
        return (super.query as (config: unknown) => Promise<PgResult | PgResult[]>)(`BEGIN;\n${config}`).then(lastResult) as never;
      }
      const name = parameterised && PREPARABLE.test(config) ? this.preparedName(config) : undefined;
      return this.pipelined(name ? { name, text: config, values: values as unknown[] } : { text: config, values: parameterised ? (values as unknown[]) : [], queryMode: 'extended' });
    }
    if (this.beginPending) {
      // Anything else (a callback, a cursor) waits for a BEGIN of its own, queued first.
      this.beginPending = false;
      void (super.query as (config: unknown) => Promise<unknown>)('BEGIN').catch(() => undefined);
    }
    // A query in another form (a callback, a cursor) goes after the deferred writes, queued first; their
    // error, if any, leaves the transaction failed, which that query then reports.
    if (this.deferred.length > 0) (this.pipelined({ text: 'SELECT 1', values: [], queryMode: 'extended' }) as Promise<unknown>).catch(() => undefined);
    return this.send(config, values, callback);
  }

  /** A ParseComplete for a statement sent ahead of a pipelined query's own is not that query's (see PipelinedQuery). */
  protected _handleParseComplete(): void {
    const active = (this as unknown as { _getActiveQuery(): unknown })._getActiveQuery();
    if (active instanceof PipelinedQuery && active.foreignParseCompletes > 0) {
      active.foreignParseCompletes -= 1;
      return;
    }
    handleParseComplete.call(this);
  }

  /** The query with what waits before it (BEGIN, deferred writes), in one round trip. */
  private pipelined(statement: Statement): never {
    const begin = this.beginPending;
    const writes = this.deferred;
    this.beginPending = false;
    this.deferred = [];
    return new Promise<PgResult>((resolve, reject) => {
      const query = new PipelinedQuery(statement, begin, writes);
      query.callback = (error: Error | null, result: PgResult | PgResult[]) => {
        if (!error) return resolve(lastResult(result));
        // As pg does for its own promises: the stack leads back to the caller, not to the socket's read.
        Error.captureStackTrace(error);
        reject(error);
      };
      (super.query as (config: unknown) => unknown)(query);
    }) as never;
  }

  private send(config: unknown, values?: unknown, callback?: unknown): never {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && typeof callback !== 'function' && PREPARABLE.test(config)) {
      const name = this.preparedName(config);
      if (name) return this.pipelined({ name, text: config, values });
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
