import { envInt, envString, loadServiceConfig, type ServiceConfig } from '@bcci/service-kit';

export const TRACKING_SERVICE_NAME = 'tracking';
export const TRACKING_DEFAULT_PORT = 3006;

/**
 * Tracking's own variables (on top of architecture.md §3's):
 * AT_RISK_WORKING_DAYS — flag a running clock this many working days before its due date (default 1).
 */
export const TRACKING_EXTRA_CONFIG = {
  AT_RISK_WORKING_DAYS: envInt({ default: 1, min: 0, max: 30 }),
};

export interface TrackingSettings {
  readonly atRiskWorkingDays: number;
  /** Reference data directory; undefined = the bundled sample catalog. */
  readonly catalogDir?: string;
}

export function trackingSettingsOf(config: ServiceConfig): TrackingSettings {
  const extra = config.extra as { AT_RISK_WORKING_DAYS?: number };
  return {
    atRiskWorkingDays: extra.AT_RISK_WORKING_DAYS ?? 1,
    ...(config.catalogDir ? { catalogDir: config.catalogDir } : {}),
  };
}

export function loadTrackingConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadServiceConfig(env, { defaultPort: TRACKING_DEFAULT_PORT, extra: TRACKING_EXTRA_CONFIG });
}

/**
 * What the commands (verify-chain, rebuild-projections) need: the database, the catalog and the clock
 * settings, without Kafka or token configuration. `--database-url` wins over DATABASE_URL.
 */
export function loadCommandConfig(env: NodeJS.ProcessEnv, databaseUrlArgument?: string): { databaseUrl: string; settings: TrackingSettings } {
  const databaseUrl = envString({ pattern: /^postgres(ql)?:\/\/.+\/[^/?]+/, hint: 'postgres://user:password@host:port/database' })(
    databaseUrlArgument ?? (env.DATABASE_URL?.trim() || undefined),
    'DATABASE_URL',
  );
  const catalogDir = env.CATALOG_DIR?.trim() || undefined;
  const atRiskWorkingDays = TRACKING_EXTRA_CONFIG.AT_RISK_WORKING_DAYS(env.AT_RISK_WORKING_DAYS?.trim() || undefined, 'AT_RISK_WORKING_DAYS');
  return { databaseUrl, settings: { atRiskWorkingDays, ...(catalogDir ? { catalogDir } : {}) } };
}
