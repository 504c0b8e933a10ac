/**
 * `npm run demo`: drives realistic traffic through a running stack (npm start in another terminal) so
 * a newcomer sees the whole system move. Everything goes through the services' public HTTP APIs, with
 * tokens from the stack's development issuer; the agency's decisions are the agency simulator's.
 */
import { loadCatalogFromDirectory, loadSampleCatalog } from '@bcci/catalog';
import { call, isUp, sleep } from './demo-http';
import { DEMO_USAGE, DemoUsageError, parseDemoOptions } from './demo-options';
import { StageCounters } from './demo-stages';
import { DossierJourney, type ProcedureOffer } from './dossier-journey';
import { openStack } from './stack-access';
import { systemClock } from '@bcci/kernel';

const REQUIRED = ['intake', 'digitization', 'forwarding', 'agency-gateway'];
const MAX_POSTAL_POINTS = 5;

async function main(): Promise<number> {
  let options;
  try {
    options = parseDemoOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof DemoUsageError) {
      console.error(`${error.message}\n\n${DEMO_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(DEMO_USAGE);
    return 0;
  }
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
  const stack = openStack(process.cwd());
  console.log(`BCCI Channel demo: ${options.dossiers} dossiers at ${options.rate}/s (service addresses from ${stack.source})`);

  const up = new Map<string, boolean>();
  for (const name of [...REQUIRED, 'returns', 'agency-simulator']) up.set(name, await isUp(stack.urlOf(name)));
  const down = REQUIRED.filter((name) => !up.get(name));
  if (down.length > 0) {
    console.error(`Not running: ${down.map((n) => `${n} (${stack.urlOf(n)})`).join(', ')}. Start the stack with npm start in another terminal.`);
    return 1;
  }
  const counters = new StageCounters();
  if (!up.get('returns')) {
    const note = `returns service not reachable at ${stack.urlOf('returns')}: pickup, delivery attempts and delivery are skipped`;
    counters.skipped.add(note);
    console.log(`Note: ${note}.`);
  }
  if (!up.get('agency-simulator')) console.log(`Note: the agency simulator is not reachable at ${stack.urlOf('agency-simulator')}; dossiers will wait for an agency decision.`);

  const catalog = process.env.CATALOG_DIR ? loadCatalogFromDirectory(process.env.CATALOG_DIR) : loadSampleCatalog();
  const today = catalog.at(systemClock.now());
  const points = today.postalPoints();
  const hubPostalCode = points.find((p) => p.level === 'level-1')?.postalCode ?? points[0].postalCode;
  const offers = new Map<string, ProcedureOffer[]>();
  for (const point of points) {
    if (offers.size >= MAX_POSTAL_POINTS) break;
    const token = stack.token({ role: 'clerk', postalCode: point.postalCode, subject: `demo-clerk-${point.postalCode}` });
    try {
      const view = await call<{ procedures: ProcedureOffer[] }>(`${stack.urlOf('intake')}/procedures`, { token });
      const usable = view.procedures.filter((p) => p.serviceForms.includes(1) || p.serviceForms.includes(3));
      if (usable.length > 0) offers.set(point.postalCode, usable);
    } catch (error) {
      log(`postal point ${point.postalCode} skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (offers.size === 0) {
    console.error('No postal point offers a procedure through BCCI today (GET /procedures at intake).');
    return 1;
  }
  log(`postal points: ${[...offers.keys()].join(', ')}; courier hub ${hubPostalCode}`);

  const ctx = { stack, counters, timeoutMs: options.timeoutSeconds * 1000, hubPostalCode, returnsUp: up.get('returns')!, log };
  const postalCodes = [...offers.keys()];
  const journeys: Promise<void>[] = [];
  for (let seq = 1; seq <= options.dossiers; seq++) {
    const postalCode = postalCodes[(seq - 1) % postalCodes.length];
    const procedures = offers.get(postalCode)!;
    const procedure = procedures[Math.floor((seq - 1) / postalCodes.length) % procedures.length];
    // Mostly form 3 (send and receive by post), every fourth form 1 where both are offered.
    const serviceForm: 1 | 3 = procedure.serviceForms.includes(3) && (seq % 4 !== 0 || !procedure.serviceForms.includes(1)) ? 3 : 1;
    journeys.push(new DossierJourney(ctx, seq, postalCode, procedure, serviceForm).run());
    if (seq < options.dossiers) await sleep(1000 / options.rate);
  }
  await Promise.all(journeys);
  console.log('');
  console.log(counters.summary(options.dossiers, (Date.now() - started) / 1000));
  return counters.failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
