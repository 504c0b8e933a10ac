#!/usr/bin/env node
// `npm start`: runs the stack (stack.main.ts) in its own process group, so that Ctrl-C reaches only us
// and we turn it into one orderly stop (services, then the broker, then PostgreSQL). Without this, the
// terminal would signal PostgreSQL and every service at the same moment.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
// kafkajs 2.2.4 arms a timer at `throttledUntil - now` with throttledUntil = -1; Node ≥ 23 warns and clamps
// it to 1 ms. The warning is harmless and only that warning type is silenced.
const child = spawn(
  process.execPath,
  ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', '-r', path.join(root, 'tools', 'register-ts.cjs'), path.join(here, 'stack.main.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: ['pipe', 'inherit', 'inherit'], detached: true, env: { ...process.env, BCCI_SUPERVISED: '1' } },
);

// One stop request per burst: a single Ctrl-C or `kill` can reach us twice (from the terminal's process
// group and from npm forwarding it); a second request a moment later is the user insisting, which the
// stack treats as "exit now".
let lastForwarded = 0;
function requestStop(signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const now = Date.now();
  if (now - lastForwarded < 2000) return;
  lastForwarded = now;
  child.kill(signal);
}
process.on('SIGINT', () => requestStop('SIGINT'));
process.on('SIGTERM', () => requestStop('SIGTERM'));
process.on('SIGHUP', () => requestStop('SIGTERM'));

// `kill <npm pid>` can stop npm and its `sh -c` without signalling us: when our parent goes, stop once.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  if (lastForwarded === 0) requestStop('SIGTERM');
}, 1000);
watch.unref();

child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
