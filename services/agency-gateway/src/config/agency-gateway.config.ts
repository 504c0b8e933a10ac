import { envInt, type ExtraConfig } from '@bcci/service-kit';

/**
 * The gateway's own settings, beyond the variables every service reads (architecture.md §3).
 * Webhook retry timing is tunable so a test (or an operator) need not wait minutes for a retry.
 */
export const AGENCY_GATEWAY_EXTRA_CONFIG = {
  WEBHOOK_RETRY_BASE_MS: envInt({ default: 5_000, min: 10, max: 3_600_000 }),
  WEBHOOK_RETRY_MAX_ATTEMPTS: envInt({ default: 15, min: 1, max: 100 }),
  WEBHOOK_POLL_INTERVAL_MS: envInt({ default: 500, min: 10, max: 60_000 }),
};
export type AgencyGatewayExtraConfig = ExtraConfig<typeof AGENCY_GATEWAY_EXTRA_CONFIG>;
