import path from 'node:path';

/** Where the repository is: deploy/embedded/ → two levels up. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

export const DEFAULT_KAFKA_PORT = 9092;
export const DEFAULT_POSTGRES_PORT = 54329;

export interface StackOptions {
  /** Everything the stack keeps: PostgreSQL cluster, broker logs, service logs, dev secrets. */
  dataDir: string;
  /** Repository root (services, tools/register-ts.cjs). */
  rootDir: string;
  /** Pick free ports for everything (tests, benchmarks) instead of the fixed ones. */
  freePorts: boolean;
  kafkaPort: number;
  postgresPort: number;
  /** External PostgreSQL (admin URL of the `postgres` database); no embedded server is started. */
  externalPostgresAdminUrl?: string;
  /** External Kafka bootstrap list; no embedded broker is started. */
  externalKafkaBrokers?: string[];
  /** Replication factor of created topics; default: contracts' production factor on external Kafka, 1 embedded. */
  replicationFactor?: number;
  /**
   * Processes per service (default 1). Above 1, each service's port is held by the launcher's balancer
   * (http-balancer.ts), which spreads requests over the instances; they share the broker and PostgreSQL.
   */
  instances: number;
  /** Only these services (names from the registry); default every service that exists. */
  onlyServices?: string[];
  /** LOG_LEVEL given to the services. */
  serviceLogLevel: string;
  /** Stream service logs to our stdout as well as `.data/logs/<name>.log`. */
  verbose: boolean;
  /** How long a service may take to answer `/ready`. */
  readyTimeoutMs: number;
  /** Extra environment for every service (tests). */
  serviceEnvironment?: Record<string, string>;
}

export class StackOptionsError extends Error {}

/** Options from the environment (and `--verbose`), as `npm start` reads them. */
export function stackOptionsFromEnvironment(env: NodeJS.ProcessEnv, argv: readonly string[] = []): StackOptions {
  const rootDir = REPOSITORY_ROOT;
  const { verbose, instances, unknown } = parseArguments(argv);
  if (unknown.length > 0) throw new StackOptionsError(`unknown argument(s): ${unknown.join(' ')} (accepted: --verbose, --instances N)`);
  const brokers = env.KAFKA_BROKERS?.trim();
  return {
    rootDir,
    dataDir: path.resolve(rootDir, env.BCCI_DATA_DIR?.trim() || '.data'),
    freePorts: flag(env.BCCI_FREE_PORTS),
    kafkaPort: port(env, 'BCCI_KAFKA_PORT', DEFAULT_KAFKA_PORT),
    postgresPort: port(env, 'BCCI_POSTGRES_PORT', DEFAULT_POSTGRES_PORT),
    externalPostgresAdminUrl: postgresUrl(env.DATABASE_ADMIN_URL),
    externalKafkaBrokers: brokers ? parseBrokers(brokers) : undefined,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR ? positiveInteger('KAFKA_REPLICATION_FACTOR', env.KAFKA_REPLICATION_FACTOR) : undefined,
    onlyServices: env.BCCI_SERVICES?.trim() ? env.BCCI_SERVICES.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    serviceLogLevel: logLevel(env.LOG_LEVEL),
    verbose: verbose || flag(env.BCCI_VERBOSE),
    instances: instances ?? (env.BCCI_INSTANCES?.trim() ? instanceCount('BCCI_INSTANCES', env.BCCI_INSTANCES) : 1),
    readyTimeoutMs: env.BCCI_READY_TIMEOUT_MS ? positiveInteger('BCCI_READY_TIMEOUT_MS', env.BCCI_READY_TIMEOUT_MS) : 180_000,
  };
}

/** The most instances per service the launcher starts (each is a Node process of ~150 MB). */
export const MAX_INSTANCES = 8;

function parseArguments(argv: readonly string[]): { verbose: boolean; instances?: number; unknown: string[] } {
  let verbose = false;
  let instances: number | undefined;
  const unknown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--instances') instances = instanceCount('--instances', argv[++i]);
    else if (arg.startsWith('--instances=')) instances = instanceCount('--instances', arg.slice('--instances='.length));
    else unknown.push(arg);
  }
  return { verbose, instances, unknown };
}

function instanceCount(name: string, value: string | undefined): number {
  if (value === undefined) throw new StackOptionsError(`${name} needs a number of instances per service, e.g. ${name} 2`);
  const count = positiveInteger(name, value);
  if (count > MAX_INSTANCES) throw new StackOptionsError(`${name} must be at most ${MAX_INSTANCES}, got ${count}`);
  return count;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.trim().toLowerCase());
}

function positiveInteger(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new StackOptionsError(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = positiveInteger(name, value);
  if (parsed > 65535) throw new StackOptionsError(`${name} must be a TCP port (1-65535), got "${value}"`);
  return parsed;
}

function postgresUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    throw new StackOptionsError('DATABASE_ADMIN_URL must be a URL such as postgres://user:password@host:5432/postgres');
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new StackOptionsError(`DATABASE_ADMIN_URL must start with postgres:// or postgresql://, got ${parsed.protocol}//`);
  }
  return value.trim();
}

export function parseBrokers(value: string): string[] {
  const brokers = value.split(',').map((b) => b.trim()).filter(Boolean);
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) throw new StackOptionsError(`KAFKA_BROKERS must be a comma-separated host:port list, got "${broker}"`);
  }
  if (brokers.length === 0) throw new StackOptionsError('KAFKA_BROKERS is empty');
  return brokers;
}

function logLevel(value: string | undefined): string {
  const level = value?.trim() || 'info';
  if (!['error', 'warn', 'info', 'debug'].includes(level)) throw new StackOptionsError(`LOG_LEVEL must be error, warn, info or debug, got "${level}"`);
  return level;
}
