import { QueryFailedError } from 'typeorm';
import { classifyFailure, DependencyUnavailableError, EventValidationError, NonRetriableError } from '@bcci/messaging';

// The errors below have the shapes pg, pg-pool, TypeORM, Node and kafkajs produce (code, message, wrappers).
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
const named = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name }, extra);
const wrappedByTypeorm = (driverError: Error) => new QueryFailedError('INSERT INTO inbox …', [], driverError);

const transient: Array<[string, unknown]> = [
  ['57P03 the database system is not yet accepting connections', pgError('57P03', 'the database system is not yet accepting connections')],
  ['57P03 the database system is starting up', pgError('57P03', 'the database system is starting up')],
  ['57P01 terminating connection due to administrator command', pgError('57P01', 'terminating connection due to administrator command')],
  ['57P02 crash shutdown', pgError('57P02', 'terminating connection because of crash of another server process')],
  ['08006 connection failure', pgError('08006', 'connection failure')],
  ['08001 cannot establish connection', pgError('08001', 'could not connect to server')],
  ['40001 serialization failure', pgError('40001', 'could not serialize access due to concurrent update')],
  ['40P01 deadlock', pgError('40P01', 'deadlock detected')],
  ['55P03 lock not available', pgError('55P03', 'could not obtain lock on row in relation "dossier"')],
  ['53300 too many connections', pgError('53300', 'sorry, too many clients already')],
  ['53100 disk full', pgError('53100', 'could not extend file: No space left on device')],
  ['55000 database closed to connections', pgError('55000', 'database "bcci_tracking" is not currently accepting connections')],
  ['TypeORM QueryFailedError around 57P01', wrappedByTypeorm(pgError('57P01', 'terminating connection due to administrator command'))],
  ['TypeORM QueryFailedError around a lost connection', wrappedByTypeorm(new Error('Connection terminated unexpectedly'))],
  ['ECONNREFUSED (server stopped)', socketError('ECONNREFUSED')],
  ['ECONNRESET', socketError('ECONNRESET')],
  ['ETIMEDOUT', socketError('ETIMEDOUT')],
  ['AggregateError of ECONNREFUSED (every address of localhost)', Object.assign(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], ''), {})],
  ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
  ['pg-pool: connection timeout', new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') })],
  ['pg-pool: timeout exceeded when trying to connect', new Error('timeout exceeded when trying to connect')],
  ['pg: client not queryable', new Error('Client has encountered a connection error and is not queryable')],
  ['server text without a code', new Error('the database system is shutting down')],
  ['Error.cause chain', new Error('could not open leg', { cause: socketError('ECONNREFUSED') })],
  ['kafkajs connection error', named('KafkaJSConnectionError', 'Connection error: connect ECONNREFUSED 127.0.0.1:9092')],
  ['kafkajs retries exhausted around a request timeout', named('KafkaJSNumberOfRetriesExceeded', 'Request timed out', { originalError: named('KafkaJSRequestTimeoutError', 'Request fetch(key: 1) timed out') })],
  ['kafkajs: leader not available while a broker restarts', named('KafkaJSNumberOfRetriesExceeded', 'There is no leader for this topic-partition', { originalError: named('KafkaJSProtocolError', 'There is no leader for this topic-partition as we are in the middle of a leadership election', { type: 'LEADER_NOT_AVAILABLE', code: 5 }) })],
  ['a handler naming its unreachable dependency', new DependencyUnavailableError('agency feed answered 503')],
];

const deterministic: Array<[string, unknown]> = [
  ['schema validation', new EventValidationError('schema validation failed: /data/dossierId: must be string')],
  ['NonRetriableError', new NonRetriableError('unknown procedure 9.999999')],
  ['NonRetriableError even when a lost connection made the handler give up', new NonRetriableError('gave up', { cause: socketError('ECONNREFUSED') })],
  ['a domain rule refusing the event', named('RuleViolationError', 'a return leg cannot open before the result is issued')],
  ['23505 unique violation', wrappedByTypeorm(pgError('23505', 'duplicate key value violates unique constraint "dossier_pkey"'))],
  ['23502 not-null violation', wrappedByTypeorm(pgError('23502', 'null value in column "status" violates not-null constraint'))],
  ['42P01 undefined table (a missing migration)', wrappedByTypeorm(pgError('42P01', 'relation "postal_leg" does not exist'))],
  ['55000 for another reason', pgError('55000', 'cannot execute nextval() in a read-only transaction')],
  ['TypeError (a bug)', new TypeError("Cannot read properties of undefined (reading 'dossierId')")],
  ['a plain message that only sounds transient', new Error('deadlock detected')],
  ['a thrown string', 'connection lost'],
  ['undefined', undefined],
  ['kafkajs: topic does not exist', named('KafkaJSProtocolError', 'This server does not host this topic-partition', { type: 'UNKNOWN_TOPIC_OR_PARTITION', code: 3 })],
  ['a "type" that only looks like Kafka\'s, on another library\'s error', named('ValidationError', 'bad', { type: 'REQUEST_TIMED_OUT' })],
];

describe('failure classification', () => {
  it.each(transient)('waits out a transient failure: %s', (_label, error) => {
    expect(classifyFailure(error).kind).toBe('transient');
  });

  it.each(deterministic)('treats as deterministic: %s', (_label, error) => {
    expect(classifyFailure(error)).toEqual({ kind: 'deterministic' });
  });

  it('names the outermost error as the reason of a wait', () => {
    const error = wrappedByTypeorm(pgError('57P03', 'the database system is not yet accepting connections'));
    expect(classifyFailure(error)).toEqual({ kind: 'transient', reason: 'QueryFailedError: the database system is not yet accepting connections' });
  });

  it('survives a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(classifyFailure(a)).toEqual({ kind: 'deterministic' });
  });
});
