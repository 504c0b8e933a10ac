import { seededRandom } from '../support/seeded-random';
import type { Fault } from './fault-injector';

export interface ScheduleOptions {
  seed: number;
  services: string[];
  /** How many times each kind of fault is inflicted (each service killed this many times, …). */
  rounds: number;
  /** Range of a PostgreSQL outage's length, in seconds. */
  outageSeconds: [number, number];
}

export interface ScheduledFault {
  fault: Fault;
  /** Pause before it, after the previous fault healed: the moments are random, the same for a seed. */
  gapMs: number;
}

/** Every kind of fault `rounds` times, in a random order and at random gaps (the same for a seed). */
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
  return faults.map((fault) => ({ fault, gapMs: 500 + Math.floor(random() * 3_500) }));
}
