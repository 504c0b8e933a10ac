import { DependencyUnavailableError, describeError, NonRetriableError } from './consumer-errors';

/**
 * Why a handler's attempt failed, in the only terms the consumer acts on (architecture.md §2.5):
 * - transient: a dependency (PostgreSQL, the broker, a service the handler calls) is unreachable or
 *   briefly refusing work. Retrying this message later will succeed, so it is kept, however long that
 *   takes, and never dead-lettered for it.
 * - deterministic: anything else (an invalid event, a domain rule refusing it, a bug). Retrying a few
 *   times costs little; after that the message is a poison message and goes to the dead-letter topic.
 * An unknown error is deterministic: waiting forever on a bug would stop the partition for good.
 */
export type FailureClass = { kind: 'transient'; reason: string } | { kind: 'deterministic' };

/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "never" (Appendix A of the PostgreSQL manual):
 * whole classes (first two characters) and single codes.
 */
const TRANSIENT_SQLSTATE_CLASSES = new Set([
  '08', // connection exception: cannot connect, connection lost
  '53', // insufficient resources: too many connections, out of memory, disk full
]);
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown: "terminating connection due to administrator command"
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: "the database system is starting up / not yet accepting connections"
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
]);

/** Socket errors of Node (error.code) when a server is down, restarting or unreachable. */
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** kafkajs errors (by name, so this file stays client-agnostic) that mean the broker is unreachable. */
const TRANSIENT_ERROR_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
]);
/** Kafka protocol errors (kafkajs' `type`) of a broker restarting or a cluster short of replicas. */
const TRANSIENT_KAFKA_TYPES = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
]);

/**
 * Messages of errors that carry no code: pg's client and pool, and server texts in case a wrapper
 * dropped the SQLSTATE. "is not currently accepting connections" is SQLSTATE 55000, a class that is
 * otherwise deterministic, raised while a database is closed with ALLOW_CONNECTIONS false.
 */
const TRANSIENT_MESSAGES = [
  /^Connection terminated/, // pg: "Connection terminated unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/, // pg-pool: no connection within connectionTimeoutMillis
  /Client has encountered a connection error and is not queryable/, // pg: a client whose socket died
  /the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)/,
  /terminating connection due to administrator command/,
  /is not currently accepting connections/,
];

/** Where wrappers keep what they wrap: TypeORM's QueryFailedError, kafkajs retries, Error.cause, AggregateError. */
const WRAPPED = ['driverError', 'originalError', 'cause'] as const;

export function classifyFailure(error: unknown): FailureClass {
  // A handler that says "never" is believed even if a connection error is what made it say so.
  if (error instanceof NonRetriableError) return { kind: 'deterministic' };
  return isTransient(error, 0) ? { kind: 'transient', reason: describeError(error) } : { kind: 'deterministic' };
}

function isTransient(error: unknown, depth: number): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (error instanceof DependencyUnavailableError) return true;
  const { code, name, message, type } = error as { code?: unknown; name?: unknown; message?: unknown; type?: unknown };
  if (typeof code === 'string' && (isTransientSqlState(code) || TRANSIENT_SOCKET_CODES.has(code))) return true;
  if (typeof name === 'string' && TRANSIENT_ERROR_NAMES.has(name)) return true;
  if (typeof name === 'string' && name.startsWith('KafkaJS') && typeof type === 'string' && TRANSIENT_KAFKA_TYPES.has(type)) return true;
  if (typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const wrapped = WRAPPED.map((key) => (error as Record<string, unknown>)[key]);
  const grouped = (error as { errors?: unknown }).errors; // AggregateError: Node's connect to every address of a host
  return [...wrapped, ...(Array.isArray(grouped) ? grouped : [])].some((inner) => inner !== error && isTransient(inner, depth + 1));
}

function isTransientSqlState(code: string): boolean {
  if (!/^[0-9A-Z]{5}$/.test(code)) return false;
  return TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2));
}
