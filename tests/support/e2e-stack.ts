import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@bcci/auth';
import { devTokensForEveryRole, startLauncherStack, stackOptionsFromEnvironment, type RunningStack, type StackOptions, type StackReporter } from './launcher';
import { EventReader } from './event-reader';

export interface E2eStack {
  /** Base URL per running service, e.g. `urls.intake` = `http://127.0.0.1:41234`. */
  urls: Record<string, string>;
  /** One development token per role (scopes: postal point 33100, its province, an agency of the sample). */
  tokens: Record<Role, string>;
  kafkaBrokers: string[];
  dataDir: string;
  /** The launcher's handle (services, catalog, secret). */
  stack: RunningStack;
  /** Names of the services that run (those under services/* with a main.ts). */
  services: string[];
  /** A reader of `topics` from the beginning; closed by stop(). */
  readEvents(topics: string[]): Promise<EventReader>;
  /** Stops the stack and removes its temporary directory (kept when BCCI_E2E_KEEP=1). */
  stop(): Promise<void>;
}

export interface E2eStackOptions {
  /** Only these services (default: every service that exists). */
  services?: string[];
  /** Print the launcher's steps (default when BCCI_E2E_VERBOSE=1). */
  verbose?: boolean;
  /** Extra launcher options. */
  overrides?: Partial<StackOptions>;
}

/**
 * The stack exactly as `npm start` starts it (the same launcher function), in a temporary data
 * directory with free ports, so that several suites and a developer's own stack do not collide.
 * External PostgreSQL / Kafka are used when DATABASE_ADMIN_URL / KAFKA_BROKERS are set, as npm start does.
 */
export async function startStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bcci-e2e-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as the `postgres` user when we are root
  const verbose = options.verbose ?? process.env.BCCI_E2E_VERBOSE === '1';
  const reporter: StackReporter = {
    step: (message) => (verbose ? console.log(`[stack] ${message}`) : undefined),
    warn: (message) => console.warn(`[stack] ${message}`),
  };
  const launcherOptions: StackOptions = {
    ...stackOptionsFromEnvironment(process.env),
    dataDir,
    freePorts: true,
    onlyServices: options.services,
    serviceLogLevel: 'warn',
    verbose: false,
    ...options.overrides,
  };
  let stack: RunningStack;
  try {
    stack = await startLauncherStack(launcherOptions, reporter);
  } catch (error) {
    // Keep the logs of a failed start: the error names the file to read.
    throw new Error(`the stack did not start (data kept in ${dataDir}): ${(error as Error).message}`);
  }
  const tokens = Object.fromEntries(devTokensForEveryRole(stack.catalog, stack.authJwtSecret).map((grant) => [grant.role, grant.token])) as Record<Role, string>;
  const readers: EventReader[] = [];
  let stopped: Promise<void> | undefined;
  return {
    urls: Object.fromEntries(stack.services.map((s) => [s.name, s.url])),
    tokens,
    kafkaBrokers: stack.kafkaBrokers,
    dataDir,
    stack,
    services: stack.services.map((s) => s.name),
    readEvents: async (topics) => {
      const reader = await EventReader.open(stack.kafkaBrokers, topics);
      readers.push(reader);
      return reader;
    },
    stop: () =>
      (stopped ??= (async () => {
        await Promise.all(readers.map((r) => r.close().catch(() => undefined)));
        await stack.stop();
        if (process.env.BCCI_E2E_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}
