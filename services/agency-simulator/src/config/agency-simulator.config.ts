import { isAgencyId } from '@bcci/kernel';
import { ConfigError, envEnum, envInt, envString, type EnvReader, type ExtraConfig } from '@bcci/service-kit';
import { DecisionMixError, DEFAULT_DECISION_MIX_TEXT, parseDecisionMix, type DecisionMix } from '../simulation/domain/decision-mix';

export const SIMULATOR_MODES = ['kafka', 'http'] as const;
export type SimulatorMode = (typeof SIMULATOR_MODES)[number];

/** `approve:80,supplement:10,reject:10`, checked at start so a typo fails with the variable's name. */
function envDecisionMix(): EnvReader<DecisionMix> {
  return (raw, variable) => {
    try {
      return parseDecisionMix(raw ?? DEFAULT_DECISION_MIX_TEXT);
    } catch (error) {
      if (error instanceof DecisionMixError) throw new ConfigError(variable, error.message);
      throw error;
    }
  };
}

/** Comma-separated agency ids; unset = the catalog's default set (see simulated-agencies.ts). */
function envAgencyIds(): EnvReader<string[] | undefined> {
  return (raw, variable) => {
    if (raw === undefined) return undefined;
    const items = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
    if (items.length === 0) throw new ConfigError(variable, 'must list at least one agency id');
    const bad = items.find((id) => !isAgencyId(id));
    if (bad) throw new ConfigError(variable, `has a bad agency id "${bad}" (expected an electronic id such as 999.99.99.H39)`);
    return items;
  };
}

/**
 * The simulator's own variables (beyond architecture.md §3's):
 * - SIMULATOR_MODE: `kafka` (per-agency topic + decision commands) or `http` (cursor feed + decision endpoints)
 * - SIMULATOR_AGENCY_IDS: the agencies it plays; default: the catalog's demo agency plus every agency
 *   competent today for a procedure offered through BCCI (so `npm run demo` dossiers get decided)
 * - SIMULATOR_DECISION_DELAY_MS: time between the handover acknowledgement (or a completed supplement) and the decision
 * - SIMULATOR_MIX: decision shares, `approve:80,supplement:10,reject:10`
 * - SIMULATOR_FEES_OWED_PERCENT / SIMULATOR_FEES_OWED_VND: share of approvals leaving fees to pay on delivery, and how much
 * - SIMULATOR_GATEWAY_URL, SIMULATOR_POLL_INTERVAL_MS: the gateway's HTTP base URL and feed polling (http mode)
 * - SIMULATOR_TICK_MS: how often due decisions and pending HTTP calls are looked for
 */
export const AGENCY_SIMULATOR_EXTRA_CONFIG = {
  SIMULATOR_MODE: envEnum(SIMULATOR_MODES, { default: 'kafka' }),
  SIMULATOR_AGENCY_IDS: envAgencyIds(),
  SIMULATOR_DECISION_DELAY_MS: envInt({ default: 3_000, min: 0, max: 86_400_000 }),
  SIMULATOR_MIX: envDecisionMix(),
  SIMULATOR_FEES_OWED_PERCENT: envInt({ default: 20, min: 0, max: 100 }),
  SIMULATOR_FEES_OWED_VND: envInt({ default: 50_000, min: 1, max: 100_000_000 }),
  SIMULATOR_GATEWAY_URL: envString({ default: 'http://127.0.0.1:3004', pattern: /^https?:\/\/[^\s/]+(\/[^\s]*)?$/, hint: 'an http(s) URL' }),
  SIMULATOR_POLL_INTERVAL_MS: envInt({ default: 1_000, min: 10, max: 60_000 }),
  SIMULATOR_TICK_MS: envInt({ default: 250, min: 10, max: 60_000 }),
};
export type AgencySimulatorExtraConfig = ExtraConfig<typeof AGENCY_SIMULATOR_EXTRA_CONFIG>;
