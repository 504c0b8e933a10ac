#!/usr/bin/env node
// `npm test`: the whole check a change must pass, then one closing line `N passed, N failed` that CI can
// read whatever the runners print. A full run (no arguments) first typechecks and lints (each counts as
// one check) and makes sure Chromium is there for the dashboard's browser test; then every Jest tier.
// Extra arguments go to Jest only (`npm test -- libs/kafka-broker`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
  // The module-boundary lint rule reads Nx's project graph; computing it first makes the rule effective.
  spawnSync(process.execPath, [path.resolve('node_modules/nx/bin/nx.js'), 'show', 'projects'], { stdio: 'ignore', env });
  step('lint', process.execPath, [path.resolve('node_modules/eslint/bin/eslint.js'), '.']);
  ensureChromium();
}

const resultFile = path.join(mkdtempSync(path.join(tmpdir(), 'bcci-jest-')), 'results.json');
const jestBin = path.resolve('node_modules/jest/bin/jest.js');
console.log(`\n▶ jest`);
// Jest's workers inherit the flag: kafkajs's harmless negative-timeout warning (see tools/run-ts.mjs) stays out of the output.
const run = spawnSync(process.execPath, ['--disable-warning=TimeoutNegativeWarning', jestBin, '--json', `--outputFile=${resultFile}`, '--maxWorkers=2', ...jestArgs], { stdio: 'inherit', env });

let passed = checksPassed;
let failed = checksFailed;
if (existsSync(resultFile)) {
  const results = JSON.parse(readFileSync(resultFile, 'utf8'));
  const brokenSuites = results.numFailedTestSuites > 0 && results.numFailedTests === 0 ? results.numFailedTestSuites : 0;
  passed += results.numPassedTests;
  failed += results.numFailedTests + brokenSuites;
} else {
  console.error('jest wrote no results');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
