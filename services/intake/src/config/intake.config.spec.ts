import { randomBytes } from 'node:crypto';
import { ConfigError, loadServiceConfig } from '@bcci/service-kit';
import { INTAKE_EXTRA_CONFIG } from './intake.config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/bcci_intake', KAFKA_BROKERS: '127.0.0.1:9092', AUTH_JWT_SECRET: 'a-development-secret-123' };
const load = (extra: Record<string, string | undefined>) => loadServiceConfig({ ...base, ...extra }, { defaultPort: 3001, extra: INTAKE_EXTRA_CONFIG });

describe('intake configuration', () => {
  const key = randomBytes(32).toString('base64');

  it('reads the keys and the look-up URL', () => {
    const config = load({ PII_ENCRYPTION_KEY: key, PII_INDEX_KEY: key, PUBLIC_LOOKUP_BASE_URL: 'https://tracuu.example.vn/ho-so' });
    expect(config.extra.PII_ENCRYPTION_KEY.active.key).toHaveLength(32);
    expect(config.extra.PII_INDEX_KEY).toHaveLength(32);
    expect(config.extra.PUBLIC_LOOKUP_BASE_URL).toBe('https://tracuu.example.vn/ho-so');
  });

  it('names the variable when a key is missing or malformed, never printing the key', () => {
    expect(() => load({ PII_INDEX_KEY: key })).toThrow(ConfigError);
    expect(() => load({ PII_INDEX_KEY: key })).toThrow(/PII_ENCRYPTION_KEY is required/);
    const short = randomBytes(16).toString('base64');
    expect(() => load({ PII_ENCRYPTION_KEY: short, PII_INDEX_KEY: key })).toThrow(/PII_ENCRYPTION_KEY .*32 bytes/);
    expect(() => load({ PII_ENCRYPTION_KEY: short, PII_INDEX_KEY: key })).not.toThrow(new RegExp(short.replace(/[+/=]/g, '.')));
    expect(() => load({ PII_ENCRYPTION_KEY: key, PII_INDEX_KEY: key, PUBLIC_LOOKUP_BASE_URL: 'not a url' })).toThrow(/PUBLIC_LOOKUP_BASE_URL/);
  });
});
