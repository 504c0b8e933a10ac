#!/usr/bin/env node
// `npm test`: the whole check a change must pass, then one closing line `N passed, N failed` that CI can
// read whatever the runners print. A full run (no arguments) first typechecks and lints (each counts as
// one check) and makes sure Chromium is there for the dashboard's browser test; then every Jest tier.
// Extra arguments go to Jest only (`npm test -- libs/kafka-broker`).
// A full run then runs the journeys again as if on the days that have broken date rules before (a Saturday
// after the 15:00 cut-off, the last day of a quarter and of a year, a public holiday): see DATED_RUNS.
// `BCCI_TEST_NOW=2027-04-30 npm test` runs everything as if on that date instead (tools/test-clock.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const startedAt = Date.now();
const jestArgs = process.argv.slice(2);
const fullRun = jestArgs.length === 0;
const env = { ...process.env, NX_DAEMON: 'false' };
let checksPassed = 0;
let checksFailed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status === 0) {
    checksPassed++;
    console.log(`✔ ${name}`);
  } else {
    checksFailed++;
    console.log(`✘ ${name} failed`);
  }
}

const CHROMIUM = '/usr/bin/chromium';

/** The dashboard test drives Debian's Chromium; install it when we are allowed to (root with apt). */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.log(`\n! ${CHROMIUM} is missing; the dashboard browser test will fail. Install Debian's chromium package.`);
    return;
  }
  console.log(`\n▶ installing Debian's chromium for the dashboard browser test (apt-get; once per machine)`);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
  spawnSync('apt-get', ['update', '-qq'], quiet);
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], quiet);
  console.log(install.status === 0 ? '✔ chromium installed' : '✘ chromium could not be installed; the browser test will fail');
}

if (fullRun) {
  step('typecheck', process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  // The post office's web app is compiled for browsers (DOM types, JSX), with its own settings.
  step('typecheck (post office web app)', process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'services/post-office-app/web/tsconfig.json']);
  // The module-boundary lint rule reads Nx's project graph; computing it first makes the rule effective.
  const nxBin = JSON.parse(readFileSync(path.resolve('node_modules/nx/package.json'), 'utf8')).bin.nx;
  const graph = spawnSync(process.execPath, [path.resolve('node_modules/nx', nxBin), 'show', 'projects'], { encoding: 'utf8', env });
  if (graph.status !== 0) console.log(`✘ nx could not compute the project graph; the module-boundary rule will be skipped:\n${(graph.stderr || graph.stdout || '').slice(-2000)}`);
  step('lint', process.execPath, [path.resolve('node_modules/eslint/bin/eslint.js'), '.']);
  ensureChromium();
}

const jestBin = path.resolve('node_modules/jest/bin/jest.js');
let passed = checksPassed;
let failed = checksFailed;
let jestFailed = false;

/** One Jest run; its counts join the closing line. */
function jest(args, runEnv) {
  const resultFile = path.join(mkdtempSync(path.join(tmpdir(), 'bcci-jest-')), 'results.json');
  // Jest's workers inherit the flag: kafkajs's harmless negative-timeout warning (see tools/run-ts.mjs) stays out of the output.
  const run = spawnSync(process.execPath, ['--disable-warning=TimeoutNegativeWarning', jestBin, '--json', `--outputFile=${resultFile}`, '--maxWorkers=2', ...args], { stdio: 'inherit', env: runEnv });
  if (run.status !== 0) jestFailed = true;
  if (!existsSync(resultFile)) {
    console.error('jest wrote no results');
    failed += 1;
    return;
  }
  const results = JSON.parse(readFileSync(resultFile, 'utf8'));
  const brokenSuites = results.numFailedTestSuites > 0 && results.numFailedTests === 0 ? results.numFailedTestSuites : 0;
  passed += results.numPassedTests;
  failed += results.numFailedTests + brokenSuites;
}

console.log(`\n▶ jest`);
jest(jestArgs, env);

/** Days on which date rules have broken before; the journeys and tracking run again as if on each (Vietnam time). */
const DATED_RUNS = [
  { at: '2026-12-05T16:30', why: 'a Saturday after the 15:00 cut-off: intake day J is Monday' },
  { at: '2026-12-31T16:00', why: 'the last day of a quarter and of a year, after the cut-off: J is in January, after New Year' },
  { at: '2027-04-30T10:00', why: 'a public holiday (30/4): J is the next working day' },
];
if (fullRun && !process.env.BCCI_TEST_NOW) {
  for (const { at, why } of DATED_RUNS) {
    console.log(`\n▶ jest, journeys as if on ${at} (${why})`);
    const datedEnv = { ...env, BCCI_TEST_NOW: at };
    delete datedEnv.BCCI_CLOCK_OFFSET_MS; // jest.config.js fixes a fresh offset for this run
    jest(['tests/journeys', '--selectProjects', 'e2e'], datedEnv);
  }
}

console.log(`\n(took ${Math.round((Date.now() - startedAt) / 1000)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || jestFailed ? 1 : 0);
