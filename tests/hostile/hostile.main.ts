// `npm run test:hostile -- [--rounds N] [--seed S] [--service NAME ...]`: the hostile-input tier for a person.
// Starts the whole stack (as npm start does, in a temporary directory), sends every documented route the
// fixed catalogue of malformed requests plus N random ones per JSON route, and prints the figures and
// every finding. Exit code 1 when anything was found. CI runs the same tier with few rounds
// (tests/hostile/hostile-input.e2e-spec.ts).
import { startStack } from '../support/e2e-stack';
import { figureLine, runHostileInput, type HostileReport } from './hostile-run';

interface Options {
  rounds: number;
  seed: number;
  services: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rounds: 50, seed: Date.now() % 1_000_000, services: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--rounds') options.rounds = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--service') options.services.push(String(value()));
    else if (flag === '--help') {
      console.log('npm run test:hostile -- [--rounds N (random cases per JSON route, default 50)] [--seed S] [--service NAME ...]');
      process.exit(0);
    } else throw new Error(`unknown option ${flag} (try --help)`);
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 0) throw new Error('--rounds takes a whole number');
  if (!Number.isInteger(options.seed)) throw new Error('--seed takes a whole number');
  return options;
}

function printFindings(report: HostileReport): void {
  const groups: Array<[string, Array<{ request: string; status: number; bytes: number; detail: string }>]> = [
    ['5xx or no answer', report.failures],
    ['accepted although malformed', report.accepted],
    ['answers over the size bound', report.oversized],
    ['errors without messageVi', report.unreadable],
  ];
  for (const [title, findings] of groups) {
    if (findings.length === 0) continue;
    console.log(`\n${title} (${findings.length}):`);
    for (const finding of findings.slice(0, 50)) console.log(`  ${finding.status} ${finding.bytes} B  ${finding.request}\n      ${finding.detail.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  if (report.writes.length) console.log(`\nwritten by refused requests:\n  ${report.writes.join('\n  ')}`);
  if (report.notReady.length) console.log(`\nnot ready afterwards: ${report.notReady.join(', ')}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(`starting the stack (seed ${options.seed}, ${options.rounds} random cases per JSON route)…`);
  const stack = await startStack();
  try {
    const report = await runHostileInput(stack, {
      seed: options.seed,
      randomRounds: options.rounds,
      ...(options.services.length ? { services: options.services } : {}),
      onProgress: (message) => console.log(`  ${message}`),
    });
    printFindings(report);
    console.log(`\nanswers by status: ${JSON.stringify(report.statusCounts)}`);
    console.log(figureLine(report));
    const found = report.failures.length + report.accepted.length + report.oversized.length + report.unreadable.length + report.writes.length + report.notReady.length;
    process.exitCode = found > 0 ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`hostile input run failed: ${(error as Error).message}`);
  process.exit(2);
});
