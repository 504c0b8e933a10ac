import { ConfigError } from './config-error';
import { envBool, envInt, envString } from './env-readers';
import { loadServiceConfig } from './service-config';

const base = {
  DATABASE_URL: 'postgres://bcci:pw@127.0.0.1:5432/bcci_intake',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:9093',
  AUTH_JWT_SECRET: 'a-development-secret',
};

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadServiceConfig', () => {
  it('reads the documented variables with their defaults', () => {
    expect(loadServiceConfig(base, { defaultPort: 3001 })).toEqual({
      port: 3001,
      host: '127.0.0.1',
      databaseUrl: base.DATABASE_URL,
      kafkaBrokers: ['127.0.0.1:9092', 'kafka-2:9093'],
      auth: { secret: 'a-development-secret' },
      logLevel: 'info',
      extra: {},
    });
    const config = loadServiceConfig({ ...base, PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'debug', CATALOG_DIR: __dirname }, { defaultPort: 3001 });
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', logLevel: 'debug', catalogDir: __dirname });
  });

  it('names the variable that is missing or bad', () => {
    expect(errorOf(() => loadServiceConfig({ ...base, DATABASE_URL: undefined }, { defaultPort: 1 })).variable).toBe('DATABASE_URL');
    expect(errorOf(() => loadServiceConfig({ ...base, DATABASE_URL: 'mysql://x/y' }, { defaultPort: 1 })).message).toMatch(/DATABASE_URL must match postgres:/);
    expect(errorOf(() => loadServiceConfig({ ...base, KAFKA_BROKERS: '' }, { defaultPort: 1 })).message).toMatch(/KAFKA_BROKERS is required/);
    expect(errorOf(() => loadServiceConfig({ ...base, KAFKA_BROKERS: 'localhost' }, { defaultPort: 1 })).message).toMatch(/KAFKA_BROKERS has a bad item "localhost"/);
    expect(errorOf(() => loadServiceConfig({ ...base, PORT: 'abc' }, { defaultPort: 3001 })).message).toMatch(/PORT must be an integer/);
    expect(errorOf(() => loadServiceConfig({ ...base, PORT: '70000' })).message).toMatch(/PORT must be at most 65535/);
    expect(errorOf(() => loadServiceConfig(base)).message).toMatch(/PORT is required/);
    expect(errorOf(() => loadServiceConfig({ ...base, LOG_LEVEL: 'verbose' }, { defaultPort: 1 })).message).toMatch(/LOG_LEVEL must be one of error, warn, info, debug/);
    expect(errorOf(() => loadServiceConfig({ ...base, CATALOG_DIR: '/no/such/dir' }, { defaultPort: 1 })).variable).toBe('CATALOG_DIR');
  });

  it('needs exactly one token key', () => {
    expect(errorOf(() => loadServiceConfig({ ...base, AUTH_JWT_SECRET: undefined }, { defaultPort: 1 })).message).toMatch(/AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY is required/);
    const pem = '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----';
    expect(errorOf(() => loadServiceConfig({ ...base, AUTH_JWT_PUBLIC_KEY: pem }, { defaultPort: 1 })).message).toMatch(/both set/);
    expect(loadServiceConfig({ ...base, AUTH_JWT_SECRET: '', AUTH_JWT_PUBLIC_KEY: pem }, { defaultPort: 1 }).auth).toEqual({
      publicKey: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----',
    });
    expect(errorOf(() => loadServiceConfig({ ...base, AUTH_JWT_SECRET: 'short' }, { defaultPort: 1 })).message).toMatch(/at least 16/);
  });

  it('validates the extra variables a service declares', () => {
    const extra = { INTAKE_PAGE_SIZE: envInt({ default: 50, min: 1 }), INTAKE_PII_KEY: envString(), INTAKE_AUDIT: envBool({ default: true }) };
    const config = loadServiceConfig({ ...base, INTAKE_PII_KEY: 'k', INTAKE_AUDIT: 'false' }, { defaultPort: 1, extra });
    expect(config.extra).toEqual({ INTAKE_PAGE_SIZE: 50, INTAKE_PII_KEY: 'k', INTAKE_AUDIT: false });
    expect(errorOf(() => loadServiceConfig(base, { defaultPort: 1, extra })).variable).toBe('INTAKE_PII_KEY');
    expect(errorOf(() => loadServiceConfig({ ...base, INTAKE_PII_KEY: 'k', INTAKE_PAGE_SIZE: '0' }, { defaultPort: 1, extra })).message).toMatch(
      /INTAKE_PAGE_SIZE must be at least 1/,
    );
  });
});
