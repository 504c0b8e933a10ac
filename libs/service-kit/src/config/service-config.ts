import fs from 'node:fs';
import { ConfigError } from './config-error';
import { envEnum, envInt, envList, envString, type EnvReader } from './env-readers';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Extra variables a service declares, by name, with their readers (envInt, envString, ...). */
export type ExtraConfigSpec = Record<string, EnvReader<unknown>>;
export type ExtraConfig<S extends ExtraConfigSpec> = { [K in keyof S]: ReturnType<S[K]> };

export interface ServiceConfig<E = Record<string, unknown>> {
  port: number;
  host: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Exactly one of the two: the development issuer's secret (HS256) or the identity provider's key (RS256). */
  auth: { secret: string } | { publicKey: string };
  /** Reference data directory; undefined = the bundled sample catalog. */
  catalogDir?: string;
  logLevel: LogLevel;
  extra: E;
}

export interface LoadServiceConfigOptions<S extends ExtraConfigSpec> {
  /** PORT when unset (architecture.md §3 table). */
  defaultPort?: number;
  extra?: S;
}

/** The variables every service reads (architecture.md §3), and nothing else. */
export const SERVICE_ENV_VARIABLES = ['PORT', 'HOST', 'DATABASE_URL', 'KAFKA_BROKERS', 'AUTH_JWT_SECRET', 'AUTH_JWT_PUBLIC_KEY', 'CATALOG_DIR', 'LOG_LEVEL'] as const;

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Reads and validates the service's environment. Throws ConfigError naming the first bad or missing
 * variable; bootstrapService prints it and exits before anything is started.
 */
export function loadServiceConfig<S extends ExtraConfigSpec = Record<string, never>>(
  env: NodeJS.ProcessEnv,
  options: LoadServiceConfigOptions<S> = {},
): ServiceConfig<ExtraConfig<S>> {
  const get = (name: string) => blankToUndefined(env[name]);

  const port = envInt({ default: options.defaultPort, min: 0, max: 65535 })(get('PORT'), 'PORT');
  const host = envString({ default: '127.0.0.1' })(get('HOST'), 'HOST');
  const databaseUrl = envString({ pattern: /^postgres(ql)?:\/\/.+\/[^/?]+/, hint: 'postgres://user:password@host:port/database' })(
    get('DATABASE_URL'),
    'DATABASE_URL',
  );
  const kafkaBrokers = envList({ itemPattern: /^[A-Za-z0-9.-]+:\d{1,5}$/, hint: 'host:port' })(get('KAFKA_BROKERS'), 'KAFKA_BROKERS');

  const secret = get('AUTH_JWT_SECRET');
  // Keys are multi-line PEM; accept "\n" escapes too, since env files rarely carry real newlines.
  const publicKey = get('AUTH_JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  if (secret && publicKey) throw new ConfigError('AUTH_JWT_SECRET', 'and AUTH_JWT_PUBLIC_KEY are both set; set only one');
  if (!secret && !publicKey) throw new ConfigError('AUTH_JWT_SECRET', 'or AUTH_JWT_PUBLIC_KEY is required (HS256 secret or RS256 PEM public key)');
  if (secret && secret.length < 16) throw new ConfigError('AUTH_JWT_SECRET', 'must be at least 16 characters');
  if (publicKey && !/-----BEGIN (RSA )?PUBLIC KEY-----/.test(publicKey)) throw new ConfigError('AUTH_JWT_PUBLIC_KEY', 'must be a PEM public key');

  const catalogDir = get('CATALOG_DIR');
  if (catalogDir !== undefined && !fs.existsSync(catalogDir)) throw new ConfigError('CATALOG_DIR', `does not exist: ${catalogDir}`);
  const logLevel = envEnum(LOG_LEVELS, { default: 'info' })(get('LOG_LEVEL'), 'LOG_LEVEL');

  const extra: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(options.extra ?? {})) extra[name] = read(get(name), name);

  return {
    port,
    host,
    databaseUrl,
    kafkaBrokers,
    auth: secret ? { secret } : { publicKey: publicKey! },
    ...(catalogDir ? { catalogDir } : {}),
    logLevel,
    extra: extra as ExtraConfig<S>,
  };
}
