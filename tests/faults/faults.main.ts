// `npm run test:faults -- [--dossiers N] [--rate R] [--rounds K] [--seed S] [--outage MIN-MAX]`: the fault
// suite for a person. Starts the whole stack as npm start does (temporary directory, agency simulator on),
// drives N whole journeys at R per second while it SIGKILLs every service, the broker and PostgreSQL and
// takes PostgreSQL away (each kind K times, at random moments), then checks from the outside that nothing
// was lost, duplicated or miscounted. Prints one figure line; exit code 1 when anything was found. CI runs
// a short version (tests/faults/faults.e2e-spec.ts).
import { startStack } from '../support/e2e-stack';
import { FAULT_STACK, figureLine, findings, runFaultSuite, type FaultRunOptions } from './fault-run';

const USAGE = 'npm run test:faults -- [--dossiers N (default 1000)] [--rate R per second (default 2)] [--rounds K (each fault kind K times, default 3)] [--seed S] [--outage MIN-MAX seconds (default 5-30)]';

function parseOptions(argv: string[]): Omit<FaultRunOptions, 'log'> {
  const options = { dossiers: 1_000, ratePerSecond: 2, rounds: 3, seed: Date.now() % 1_000_000, outageSeconds: [5, 30] as [number, number] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--dossiers') options.dossiers = wholeNumber(flag, value(), 1);
    else if (flag === '--rate') options.ratePerSecond = Number(value());
    else if (flag === '--rounds') options.rounds = wholeNumber(flag, value(), 0);
    else if (flag === '--seed') options.seed = wholeNumber(flag, value(), 0);
    else if (flag === '--outage') {
      const match = /^(\d+)-(\d+)$/.exec(value());
      if (!match || Number(match[1]) > Number(match[2]) || Number(match[1]) < 1) throw new Error('--outage takes MIN-MAX in seconds, e.g. 5-30');
      options.outageSeconds = [Number(match[1]), Number(match[2])];
    } else if (flag === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!(options.ratePerSecond > 0 && options.ratePerSecond <= 50)) throw new Error('--rate takes a number of dossiers per second from 0.1 to 50');
  return options;
}

function wholeNumber(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${flag} takes a whole number of at least ${minimum}`);
  return value;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
  log(`starting the stack (seed ${options.seed}: ${options.dossiers} dossiers at ${options.ratePerSecond}/s, each fault kind ${options.rounds}×, outages ${options.outageSeconds.join('–')} s)`);
  const stack = await startStack(FAULT_STACK);
  try {
    const report = await runFaultSuite(stack, { ...options, log });
    const found = findings(report);
    for (const finding of found.slice(0, 50)) console.log(`  ${finding}`);
    if (found.length > 50) console.log(`  … and ${found.length - 50} more`);
    for (const counter of report.audit.counters) console.log(`  ${counter.name}: tracking ${counter.tracking ?? 'none'}, driver ${counter.driver}`);
    console.log(figureLine(report));
    return found.length === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
