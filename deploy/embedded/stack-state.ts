import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `<dataDir>/stack.json`: what a running stack publishes for `npm run token`, `npm run bench -- --attach` and `npm run reset`. */
export const STACK_STATE_FILE = 'stack.json';

export interface StackState {
  /** The launcher process; the stack is running while it is alive. */
  pid: number;
  startedAt: string;
  kafkaBrokers: string[];
  databaseAdminUrl: string;
  /**
   * One entry per service process; current pids, rewritten whenever the launcher restarts a service, the
   * broker or PostgreSQL. `url` is where clients call the service; with `--instances N` each instance's
   * entry also has its number and its own address behind the balancer.
   */
  services: Array<{ name: string; instance?: number; url: string; instanceUrl?: string; pid?: number; entry: string }>;
  /** The embedded broker's process (libs/kafka-broker/src/cli.ts), absent with external Kafka. */
  broker?: { pid: number; entry: string };
  /** The process owning the embedded PostgreSQL (the server itself is found through postmaster.pid). */
  postgresRunnerPid?: number;
}

export function stackStatePath(dataDir: string): string {
  return path.join(dataDir, STACK_STATE_FILE);
}

export function readStackState(dataDir: string): StackState | undefined {
  const file = stackStatePath(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackState;
  } catch {
    return undefined;
  }
}

export function writeStackState(dataDir: string, state: StackState): void {
  writeFileSync(stackStatePath(dataDir), JSON.stringify(state, null, 2) + '\n');
}

export function removeStackState(dataDir: string, ownerPid: number): void {
  const current = readStackState(dataDir);
  if (!current || current.pid === ownerPid) rmSync(stackStatePath(dataDir), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The stack recorded in `dataDir` if its launcher is still alive. */
export function runningStack(dataDir: string): StackState | undefined {
  const state = readStackState(dataDir);
  return state && state.pid !== process.pid && isAlive(state.pid) ? state : undefined;
}

/**
 * Service and broker processes left behind by a launcher that was killed (SIGKILL, a crash of the
 * machine's session): their pid is alive and still runs the same entry point. Checked through /proc so
 * that a reused pid of an unrelated process is never touched.
 */
export function leftoverProcesses(state: StackState): Array<{ name: string; pid: number }> {
  const processes = [...state.services, ...(state.broker ? [{ name: 'the Kafka broker', ...state.broker }] : [])];
  return processes.flatMap((service) => {
    if (!service.pid || !isAlive(service.pid)) return [];
    try {
      const commandLine = readFileSync(`/proc/${service.pid}/cmdline`, 'utf8');
      return commandLine.includes(service.entry) ? [{ name: service.name, pid: service.pid }] : [];
    } catch {
      return [];
    }
  });
}
