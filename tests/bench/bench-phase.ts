import type { Role } from '@bcci/auth';
import type { Catalog } from '@bcci/catalog';
import type { BenchOptions } from './bench-options';
import type { MeteredProcess } from './cpu-meter';

export interface PhaseResult {
  /** Lines of the final report. */
  lines: string[];
  /** Figures other phases and the summary can use (e.g. `acceptedPerSecond`). */
  metrics: Record<string, number>;
}

export interface BenchContext {
  options: BenchOptions;
  /** Base URL of each running service. */
  urls: Record<string, string>;
  tokens: Record<Role, string>;
  kafkaBrokers: string[];
  /** The stack's development issuer secret (tokens for other postal points or agencies). */
  authJwtSecret: string;
  /** URL of the stack's PostgreSQL maintenance database (phases that load data straight into a service's database). */
  databaseAdminUrl: string;
  catalog: Catalog;
  /** Processes of the stack whose CPU time phases report (services, the broker's launcher, PostgreSQL). */
  processes: MeteredProcess[];
  /** A progress line (printed at once). */
  progress(line: string): void;
  /** Results of the phases that already ran, by phase name. */
  results: Map<string, PhaseResult>;
}

/**
 * One stage of `npm run bench`. Issue-4/5 stages (forwarding, the agency gateway, tracking's timeline
 * lag, the ratio query) join by writing a phase and adding it to bench-phases.ts.
 */
export interface BenchPhase {
  name: string;
  title: string;
  /** Skipped (with a note) unless these services run. */
  requiredServices: string[];
  run(context: BenchContext): Promise<PhaseResult>;
}
