#!/usr/bin/env node
// Runs a TypeScript entry point with the project's SWC require hook, forwarding arguments and signals.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const hook = path.join(path.dirname(fileURLToPath(import.meta.url)), 'register-ts.cjs');
// kafkajs 2.2.4 arms a timer at `throttledUntil - now` with throttledUntil = -1; Node ≥ 23 warns and clamps
// it to 1 ms. The warning is harmless and only that warning type is silenced.
const child = spawn(process.execPath, ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', '-r', hook, entry, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
