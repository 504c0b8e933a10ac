/**
 * `npm run bench`: the stack's throughput, measured over its public interfaces. Not a test (figures
 * depend on the machine); see BENCH_USAGE for the options. Starts its own stack (temporary directory,
 * free ports) unless `--attach` names the one `npm start` runs.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@bcci/auth';
import { loadCatalogFromDirectory, loadSampleCatalog, type Catalog } from '@bcci/catalog';
import { DevSecrets, devTokensForEveryRole, REPOSITORY_ROOT, runningStack, stackOptionsFromEnvironment } from '../support/launcher';
import { LauncherProcess } from '../support/launcher-process';
import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from './bench-options';
import type { BenchContext, PhaseResult } from './bench-phase';
import { postmasterPid, type MeteredProcess } from './cpu-meter';
import { BENCH_PHASES } from './bench-phases';
import { ms } from './latency-stats';
import { requestQueueTimerFix } from '@bcci/messaging';

const say = (line: string) => console.log(line);

interface Target {
  urls: Record<string, string>;
  tokens: Record<Role, string>;
  kafkaBrokers: string[];
  authJwtSecret: string;
  databaseAdminUrl: string;
  catalog: Catalog;
  processes: MeteredProcess[];
  description: string;
  stop(): Promise<void>;
}

/** The stack `npm start` runs in `dataDir`, read from its stack.json. */
function attachTo(dataDir: string, description: string, stop: () => Promise<void>): Target {
  const state = runningStack(dataDir);
  if (!state) throw new BenchUsageError(`no running stack in ${dataDir} (start one with npm start, or drop --attach)`);
  const catalog = process.env.CATALOG_DIR ? loadCatalogFromDirectory(path.resolve(REPOSITORY_ROOT, process.env.CATALOG_DIR)) : loadSampleCatalog();
  const secret = DevSecrets.open(dataDir).authJwtSecret();
  const postgres = postmasterPid(path.join(dataDir, 'postgres'));
  return {
    urls: Object.fromEntries(state.services.map((s) => [s.name, s.url])),
    tokens: Object.fromEntries(devTokensForEveryRole(catalog, secret).map((g) => [g.role, g.token])) as Record<Role, string>,
    kafkaBrokers: state.kafkaBrokers,
    authJwtSecret: secret,
    databaseAdminUrl: state.databaseAdminUrl,
    catalog,
    processes: [
      ...state.services.flatMap((s) => (s.pid ? [{ name: s.name, pid: s.pid }] : [])),
      // The broker runs as its own process (the launcher supervises it); the launcher itself is nearly idle.
      ...(state.broker ? [{ name: 'broker', pid: state.broker.pid }] : []),
      { name: 'launcher', pid: state.pid },
      ...(postgres ? [{ name: 'postgres', pid: postgres, withChildren: true }] : []),
    ],
    description,
    stop,
  };
}

/**
 * A stack of its own, started exactly as `npm start` (its own process, so the broker does not share
 * the load generator's event loop), in a temporary directory with free ports.
 */
async function ownStack(options: BenchOptions): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bcci-bench-'));
  chmodSync(dataDir, 0o755);
  say(`starting a stack for the benchmark in ${dataDir} (free ports)…`);
  // The log level of `npm start` (info), unless LOG_LEVEL says otherwise.
  // The agency simulator stays off unless asked for: the journey phase answers as the agency itself, and
  // the simulator would race it for the same decisions.
  const services = options.services ?? existingServices().filter((name) => name !== 'agency-simulator');
  const launcher = new LauncherProcess(dataDir, { LOG_LEVEL: process.env.LOG_LEVEL || 'info', BCCI_SERVICES: services.join(','), BCCI_INSTANCES: String(options.instances) });
  launcher.onLine((line) => {
    if (line.startsWith('•') || line.startsWith('!')) say(`  ${line}`);
  });
  const stop = async () => {
    say('stopping the benchmark stack…');
    await launcher.ensureStopped();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await launcher.waitForLine(/^BCCI Channel ready$/, 300_000);
  } catch (error) {
    await launcher.ensureStopped();
    throw new Error(`the benchmark stack did not start (logs kept in ${dataDir}/logs): ${(error as Error).message}`);
  }
  return attachTo(dataDir, `a stack of its own in ${dataDir}`, stop);
}

/** Services with a main.ts, as the launcher finds them. */
function existingServices(): string[] {
  const root = path.join(REPOSITORY_ROOT, 'services');
  return readdirSync(root).filter((name) => existsSync(path.join(root, name, 'src/main.ts')));
}

function attach(options: BenchOptions): Target {
  const dataDir = path.resolve(REPOSITORY_ROOT, options.dataDir ?? stackOptionsFromEnvironment({ BCCI_DATA_DIR: process.env.BCCI_DATA_DIR }).dataDir);
  return attachTo(dataDir, `the running stack of ${dataDir}`, async () => undefined);
}

async function main(): Promise<void> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${BENCH_USAGE}`);
    process.exit(2);
  }
  if (options === 'help') return say(BENCH_USAGE);
  const unknownPhases = (options.phases ?? []).filter((name) => !BENCH_PHASES.some((p) => p.name === name));
  if (unknownPhases.length) throw new BenchUsageError(`unknown phase(s) ${unknownPhases.join(', ')}; phases: ${BENCH_PHASES.map((p) => p.name).join(', ')}`);

  const target = options.attach ? attach(options) : await ownStack(options);
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    say('\nSIGINT: stopping after this phase');
  });
  const results = new Map<string, PhaseResult>();
  const context: BenchContext = { options, ...target, progress: (line) => say(`  ${line}`), results };
  try {
    say(`benchmarking ${target.description}: ${Object.keys(target.urls).join(', ') || 'no service'}; Kafka ${target.kafkaBrokers.join(',')}`);
    say(`phases: ${BENCH_PHASES.map((p) => p.name).join(', ')}`);
    // The bench's own Kafka clients (and the box limit's) spin like the services' would without it.
    if (!requestQueueTimerFix.installed) say(`! kafkajs request-queue timer fix not installed: ${requestQueueTimerFix.reason}`);
    for (const phase of BENCH_PHASES) {
      if (interrupted) break;
      if (options.phases && !options.phases.includes(phase.name)) continue;
      const missing = phase.requiredServices.filter((name) => !target.urls[name]);
      say(`\n▶ ${phase.title} [${phase.name}]`);
      if (missing.length > 0) {
        say(`  skipped: needs ${missing.join(', ')} (not running)`);
        continue;
      }
      const result = await phase.run(context);
      results.set(phase.name, result);
      for (const line of result.lines) say(`  ${line}`);
    }
  } finally {
    await target.stop();
  }

  const summary = summaryLines(results);
  say('\n══ summary ══');
  for (const line of summary) say(line);
  const reportDir = path.join(REPOSITORY_ROOT, '.bench');
  mkdirSync(reportDir, { recursive: true });
  const reportFile = path.join(reportDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(reportFile, JSON.stringify({ options, results: Object.fromEntries(results), summary }, null, 2) + '\n');
  say(`\n(figures saved to ${path.relative(process.cwd(), reportFile)})`);
}

function summaryLines(results: Map<string, PhaseResult>): string[] {
  const throughput = results.get('intake-throughput')?.metrics;
  const fixed = results.get('intake-fixed-rate')?.metrics;
  const raw = results.get('kafka-raw-produce')?.metrics;
  const journey = results.get('journey')?.metrics;
  const ratios = results.get('tracking-ratios')?.metrics;
  const boxLimit = results.get('box-limit')?.metrics;
  const idle = results.get('idle')?.metrics;
  const lines: string[] = [];
  if (idle) lines.push(`idle CPU                 ${idle.idleCpuMsPerSecond.toFixed(0)} ms per second over the stack with no load`);
  if (throughput) lines.push(`registrations/s          ${throughput.acceptedPerSecond.toFixed(0)} (p50 ${ms(throughput.latencyP50Ms)}, p99 ${ms(throughput.latencyP99Ms)}; outbox→Kafka p50 ${ms(throughput.lagP50Ms)}, p99 ${ms(throughput.lagP99Ms)})`);
  if (fixed) lines.push(`p99 at ${fixed.rate}/s             ${ms(fixed.latencyP99Ms)}`);
  if (journey?.dossiersPerSecond !== undefined) lines.push(`journey dossiers/s       ${journey.dossiersPerSecond.toFixed(1)} (end to end p50 ${ms(journey.endToEndP50Ms)}, p99 ${ms(journey.endToEndP99Ms)}; ${journey.failed} failed)`);
  if (journey?.cpuMsPerDossier !== undefined) lines.push(`journey CPU per dossier  ${journey.cpuMsPerDossier.toFixed(0)} ms over the stack (${journey.commitsPerDossier.toFixed(1)} commits, ${journey.producedPerDossier.toFixed(1)} messages produced, ${journey.consumedPerDossier.toFixed(1)} consumed, ${journey.httpCallsPerDossier.toFixed(1)} HTTP calls)`);
  if (boxLimit?.dossiersPerSecond !== undefined) lines.push(`box limit dossiers/s     ${boxLimit.dossiersPerSecond.toFixed(1)} (the same commits and messages per dossier with plain pg and kafkajs; ${boxLimit.cpuMsPerDossier.toFixed(0)} ms CPU per dossier)`);
  if (journey?.dossiersPerSecond !== undefined && boxLimit?.dossiersPerSecond) lines.push(`ratio journey dossiers/s ÷ box limit dossiers/s = ${(journey.dossiersPerSecond / boxLimit.dossiersPerSecond).toFixed(3)}`);
  if (journey?.timelineLagP50Ms !== undefined) lines.push(`timeline lag             p50 ${ms(journey.timelineLagP50Ms)}, p99 ${ms(journey.timelineLagP99Ms)} (event time → tracking's timeline)`);
  if (ratios) lines.push(`GET /ratios province-year p50 ${ms(ratios.ratioP50Ms)}, p99 ${ms(ratios.ratioP99Ms)} (${ratios.facts.toLocaleString('en')} facts)`);
  if (raw) lines.push(`raw kafkajs messages/s   ${raw.messagesPerSecond.toFixed(0)}`);
  if (throughput && raw) lines.push(`ratio registrations/s ÷ raw messages/s = ${(throughput.acceptedPerSecond / raw.messagesPerSecond).toFixed(3)}`);
  if (journey?.dossiersPerSecond !== undefined && raw) lines.push(`ratio journey dossiers/s ÷ raw messages/s = ${(journey.dossiersPerSecond / raw.messagesPerSecond).toFixed(4)}`);
  if (lines.length === 0) lines.push('no phase ran');
  return lines;
}

main().catch((error: Error) => {
  console.error(error instanceof BenchUsageError ? error.message : (error.stack ?? error.message));
  process.exit(1);
});
