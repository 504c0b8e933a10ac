import { ConfigError, envString, SERVICE_CONFIG, type EnvReader, type ExtraConfig, type ServiceConfig } from '@bcci/service-kit';
import { parseIndexKey, parsePiiKeyring, type PiiKeyring } from '../pii/pii-keyring';

function piiKeyring(): EnvReader<PiiKeyring> {
  return (raw, variable) => {
    try {
      return parsePiiKeyring(raw, variable);
    } catch (error) {
      throw new ConfigError(variable, (error as Error).message.replace(`${variable} `, ''));
    }
  };
}

function indexKey(): EnvReader<Buffer> {
  return (raw, variable) => {
    try {
      return parseIndexKey(raw, variable);
    } catch (error) {
      throw new ConfigError(variable, (error as Error).message.replace(`${variable} `, ''));
    }
  };
}

/**
 * The intake service's own variables (architecture.md §3 lists the shared ones), validated at start:
 * - PII_ENCRYPTION_KEY: AES-256 key(s) for personal data at rest, base64 of 32 bytes, or `id:key,id:key`
 *   newest first when rotating;
 * - PII_INDEX_KEY: HMAC key of the blind search indexes, base64 of at least 32 bytes (never rotated
 *   without re-indexing);
 * - PUBLIC_LOOKUP_BASE_URL: base of the citizen's free look-up page (TT 17 Đ12), printed as a QR code.
 */
export const INTAKE_EXTRA_CONFIG = {
  PII_ENCRYPTION_KEY: piiKeyring(),
  PII_INDEX_KEY: indexKey(),
  PUBLIC_LOOKUP_BASE_URL: envString({ default: 'http://127.0.0.1:3006/lookup', pattern: /^https?:\/\/[^\s]+$/, hint: 'an http(s) URL' }),
};

export type IntakeExtraConfig = ExtraConfig<typeof INTAKE_EXTRA_CONFIG>;
export type IntakeConfig = ServiceConfig<IntakeExtraConfig>;

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

export const intakeConfigProvider = {
  provide: INTAKE_CONFIG,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): IntakeExtraConfig => config.extra as IntakeExtraConfig,
};
