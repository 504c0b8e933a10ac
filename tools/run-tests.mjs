#!/usr/bin/env node
// `npm test`: every Jest tier, then one closing line `N passed, N failed` that CI can read whatever
// the runner prints. Extra arguments go to Jest (`npm test -- libs/kafka-broker`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const resultFile = path.join(mkdtempSync(path.join(tmpdir(), 'bcci-jest-')), 'results.json');
const jestBin = path.resolve('node_modules/jest/bin/jest.js');
const args = [jestBin, '--json', `--outputFile=${resultFile}`, '--maxWorkers=2', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });

if (!existsSync(resultFile)) {
  console.error('jest wrote no results');
  console.log('0 passed, 1 failed');
  process.exit(run.status || 1);
}
const results = JSON.parse(readFileSync(resultFile, 'utf8'));
const failedSuites = results.numFailedTestSuites ?? 0;
const failed = results.numFailedTests + (failedSuites > 0 && results.numFailedTests === 0 ? failedSuites : 0);
console.log(`${results.numPassedTests} passed, ${failed} failed`);
process.exit(run.status ?? 1);
