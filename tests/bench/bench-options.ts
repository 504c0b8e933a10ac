import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Registrations of the throughput phase. */
  requests: number;
  concurrency: number;
  /** Registrations sent first and not measured (JIT, connection pools, caches). */
  warmup: number;
  /** Requests per second of the fixed-rate phase, and how long it lasts. */
  rate: number;
  rateSeconds: number;
  /** Postal points the registrations are spread over (each point's sequences serialise its own registrations). */
  postalPoints: number;
  /** Dossiers pushed through the whole journey, and how many travel at once. */
  journeys: number;
  journeyConcurrency: number;
  /** Dossiers sent through the journey first and not measured (JIT, schema compilation, prepared statements). */
  journeyWarmup: number;
  /** Synthetic dossier facts loaded into tracking for the ratio query, their year, and the queries timed. */
  ratioFacts: number;
  ratioYear: number;
  ratioQueries: number;
  /** Messages and batch size of the raw kafkajs produce loop. */
  rawMessages: number;
  rawBatch: number;
  rawMessageBytes: number;
  /** Length of the idle phase: the stack's CPU with no load. */
  idleSeconds: number;
  /** Use the stack `npm start` is running (its .data/stack.json) instead of starting one. */
  attach: boolean;
  /** Data directory of the stack to attach to (default .data, or BCCI_DATA_DIR). */
  dataDir?: string;
  /** Services of the stack the benchmark starts (default: every service that exists). */
  services?: string[];
  /** Instances of each service in the stack the benchmark starts (npm start's --instances; default 1). */
  instances: number;
  /** Phases to run (default: all). */
  phases?: string[];
}

export const BENCH_USAGE = `npm run bench [-- options]
  --requests N         registrations in the throughput phase (default 3000)
  --concurrency N      requests in flight in the throughput phase (default 64)
  --warmup N           unmeasured registrations first (default 200)
  --rate N             requests/s of the fixed-rate phase (default 200)
  --rate-seconds N     length of the fixed-rate phase (default 15)
  --postal-points N    postal points the intake phases spread registrations over (default 8; a point
                       numbers at most 9,999 dossiers a day, so long runs at one point are refused)
  --journeys N         dossiers pushed through the whole journey (default 200)
  --journey-concurrency N  dossiers travelling at once (default 32)
  --journey-warmup N   dossiers sent through the journey first, unmeasured (default 64; 0 = none)
  --ratio-facts N      synthetic dossier facts loaded into tracking before timing GET /ratios (default 1000000;
                       0 = time the query on what is there)
  --ratio-year YYYY    the year they fall in and the query asks for (default 2025)
  --ratio-queries N    GET /ratios calls timed (default 200)
  --raw-messages N     messages of the raw kafkajs produce loop (default 100000)
  --raw-batch N        messages per produce request (default 100)
  --idle-seconds N     length of the idle phase, the stack's CPU with no load (default 10)
  --attach             use the stack npm start is running (reads .data/stack.json) instead of starting one
  --data-dir DIR       data directory of the stack to attach to (default .data)
  --services a,b       services of the stack the benchmark starts (default: all that exist but the agency
                       simulator: the journey phase answers as the agency itself)
  --instances N        instances of each service in the stack the benchmark starts, behind the launcher's
                       balancer, as npm start -- --instances N (default 1)
  --phases a,b         phases to run (default: all; see the list printed at start)`;

export class BenchUsageError extends Error {}

export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        requests: { type: 'string' },
        concurrency: { type: 'string' },
        warmup: { type: 'string' },
        rate: { type: 'string' },
        'rate-seconds': { type: 'string' },
        'postal-points': { type: 'string' },
        journeys: { type: 'string' },
        'journey-concurrency': { type: 'string' },
        'journey-warmup': { type: 'string' },
        'ratio-facts': { type: 'string' },
        'ratio-year': { type: 'string' },
        'ratio-queries': { type: 'string' },
        'raw-messages': { type: 'string' },
        'raw-batch': { type: 'string' },
        'idle-seconds': { type: 'string' },
        attach: { type: 'boolean' },
        'data-dir': { type: 'string' },
        services: { type: 'string' },
        instances: { type: 'string' },
        phases: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
  return {
    requests: count('requests', v.requests, 3000),
    concurrency: count('concurrency', v.concurrency, 64),
    warmup: count('warmup', v.warmup, 200, true),
    rate: count('rate', v.rate, 200),
    rateSeconds: count('rate-seconds', v['rate-seconds'], 15),
    postalPoints: count('postal-points', v['postal-points'], 8),
    journeys: count('journeys', v.journeys, 200),
    journeyConcurrency: count('journey-concurrency', v['journey-concurrency'], 32),
    journeyWarmup: count('journey-warmup', v['journey-warmup'], 64, true),
    ratioFacts: count('ratio-facts', v['ratio-facts'], 1_000_000, true),
    ratioYear: count('ratio-year', v['ratio-year'], 2025),
    ratioQueries: count('ratio-queries', v['ratio-queries'], 200),
    rawMessages: count('raw-messages', v['raw-messages'], 100_000),
    rawBatch: count('raw-batch', v['raw-batch'], 100),
    rawMessageBytes: 1024,
    idleSeconds: count('idle-seconds', v['idle-seconds'], 10),
    attach: v.attach ?? false,
    dataDir: v['data-dir'],
    services: list(v.services),
    instances: count('instances', v.instances, 1),
    phases: list(v.phases),
  };
}

function count(name: string, value: string | undefined, fallback: number, zeroAllowed = false): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < (zeroAllowed ? 0 : 1)) throw new BenchUsageError(`--${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} integer, got "${value}"`);
  return parsed;
}
