#!/usr/bin/env node
// `npm start`: runs the stack (stack.main.ts) in its own process group, so that Ctrl-C reaches only us
// and we turn it into one orderly stop (services, then the broker, then PostgreSQL). Without this, the
// terminal would signal PostgreSQL and every service at the same moment.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const child = spawn(
  process.execPath,
  ['--enable-source-maps', '-r', path.join(root, 'tools', 'register-ts.cjs'), path.join(here, 'stack.main.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: ['pipe', 'inherit', 'inherit'], detached: true, env: { ...process.env, BCCI_SUPERVISED: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
