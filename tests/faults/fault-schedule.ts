import { seededRandom } from '../support/seeded-random';
import type { Fault } from './fault-injector';

export interface ScheduleOptions {
  seed: number;
  services: string[];
  /** How many times each kind of fault is inflicted (each service killed this many times, …). */
  rounds: number;
  /** Range of a PostgreSQL outage's length, in seconds. */
  outageSeconds: [number, number];
  /** The faults are spread over about this long (the time the driver takes to send every dossier). */
  spreadOverMs: number;
}

export interface ScheduledFault {
  fault: Fault;
  /**
   * When it strikes, from the start of the run: random moments (the same for a seed) over spreadOverMs,
   * so that faults fall while journeys are in flight. One fault at a time: a moment that comes while the
   * previous fault is still healing waits for the heal.
   */
  atMs: number;
}

/** Every kind of fault `rounds` times, in a random order at random moments (the same for a seed). */
export function faultSchedule(options: ScheduleOptions): ScheduledFault[] {
  const random = seededRandom(options.seed);
  const [shortest, longest] = options.outageSeconds;
  const faults: Fault[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const service of options.services) faults.push({ kind: 'kill-service', service });
    faults.push({ kind: 'kill-broker' }, { kind: 'kill-postgres' });
    faults.push({ kind: 'postgres-outage', seconds: shortest + Math.floor(random() * (longest - shortest + 1)) });
  }
  for (let i = faults.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [faults[i], faults[j]] = [faults[j]!, faults[i]!];
  }
  const moments = faults.map(() => Math.floor(random() * options.spreadOverMs)).sort((a, b) => a - b);
  return faults.map((fault, i) => ({ fault, atMs: moments[i]! }));
}
