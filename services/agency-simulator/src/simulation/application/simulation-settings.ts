import type { SimulatorMode } from '../../config/agency-simulator.config';
import type { DecisionPolicy } from '../domain/simulated-dossier';

/** The simulator's resolved settings (from src/config and the catalog), injected under SIMULATION_SETTINGS. */
export interface SimulationSettings {
  mode: SimulatorMode;
  agencyIds: string[];
  policy: DecisionPolicy;
  gatewayUrl: string;
  pollIntervalMs: number;
  tickMs: number;
  /** HS256 secret of the stack's development issuer: the HTTP mode signs its agency tokens with it. */
  jwtSecret: string | undefined;
}

export const SIMULATION_SETTINGS = Symbol('SIMULATION_SETTINGS');

/** Inbox consumer names: one per agency and way, as a real agency system would keep its own progress. */
export const kafkaConsumerGroupOf = (agencyId: string) => `bcci.agency-simulator.${agencyId}`;
export const feedConsumerNameOf = (agencyId: string) => `bcci.agency-simulator.${agencyId}.feed`;
