import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/**
 * Free TCP ports for servers that bind them later: a stack's PostgreSQL, broker and services, which
 * start over several seconds and are restarted on the same port after a kill. Two things could take a
 * port between the choice and the bind, and each is kept out:
 * - An outgoing connection. The OS gives each one a source port from its ephemeral range, the same
 *   range that port 0 is drawn from, and a stack opens hundreds of connections while it starts. A
 *   service once died with EADDRINUSE on a port chosen that way. So ports are chosen below that range.
 * - Another process choosing the same port: parallel test workers start stacks at the same time. Each
 *   chosen port is reserved by a file naming the process; the file is created exclusively, and a
 *   reservation whose process has ended is taken over.
 */
export interface FreePortOptions {
  host?: string;
  /** Inclusive bounds to draw from; by default, the ports below the OS's ephemeral range. */
  range?: { first: number; last: number };
  /** Where reservations are kept; by default a per-user directory under the OS's temporary directory. */
  reservationDir?: string;
}

const LOWEST_CHOSEN_PORT = 10000;
/** Where /proc cannot be read (not Linux): the IANA dynamic range, which macOS and Windows use. */
const DEFAULT_EPHEMERAL_RANGE = { first: 49152, last: 65535 };

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const [port] = await findFreePorts(1, { host });
  return port;
}

/** `count` distinct free ports, each reserved for this process. */
export async function findFreePorts(count: number, options: FreePortOptions = {}): Promise<number[]> {
  const { host = '127.0.0.1', range = portsOutsideEphemeralRange(), reservationDir = defaultReservationDir() } = options;
  const reservations = reservationsIn(reservationDir);
  const size = range.last - range.first + 1;
  const ports: number[] = [];
  for (let attempt = 0; ports.length < count && attempt < Math.min(size, 100) * count; attempt += 1) {
    const candidate = range.first + Math.floor(Math.random() * size);
    if (ports.includes(candidate) || !(await isFree(candidate, host))) continue;
    if (!reservations || reserve(candidate, reservations)) ports.push(candidate);
  }
  if (ports.length < count) {
    throw new Error(`no free port found between ${range.first} and ${range.last} (${ports.length} of ${count} found)`);
  }
  return ports;
}

/** Whether `port` can be bound now (the probe is closed at once: the reservation keeps it ours). */
function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Errors that mean no reservation can be kept there (a read-only, foreign or misplaced temporary directory). */
const NO_RESERVATIONS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR']);

/** The reservation directory, created if needed; undefined where none can be kept (ports are then only probed). */
function reservationsIn(reservationDir: string): string | undefined {
  try {
    mkdirSync(reservationDir, { recursive: true, mode: 0o700 });
    return reservationDir;
  } catch (error) {
    if (NO_RESERVATIONS.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

function reserve(port: number, reservationDir: string): boolean {
  const file = path.join(reservationDir, String(port));
  for (let takeOver = 0; takeOver < 2; takeOver += 1) {
    try {
      const descriptor = openSync(file, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // A directory someone else owns: the port is free and outside the ephemeral range, only not kept from parallel stacks.
      if (NO_RESERVATIONS.has(code)) return true;
      if (code !== 'EEXIST') throw error;
      const holder = readFileSync(file, 'utf8').trim();
      // An empty file is one being written by the process that just created it.
      if (!/^\d+$/.test(holder) || isAlive(Number(holder))) return false;
      unlinkSync(file);
    }
  }
  return false;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portsOutsideEphemeralRange(): { first: number; last: number } {
  const ephemeral = ephemeralRange();
  if (ephemeral.first - LOWEST_CHOSEN_PORT >= 1000) return { first: LOWEST_CHOSEN_PORT, last: ephemeral.first - 1 };
  if (65535 - ephemeral.last >= 1000) return { first: ephemeral.last + 1, last: 65535 };
  // The ephemeral range covers nearly everything: the choice cannot avoid it.
  return { first: LOWEST_CHOSEN_PORT, last: 65535 };
}

function ephemeralRange(): { first: number; last: number } {
  try {
    const [first, last] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(first) && Number.isInteger(last) && first <= last) return { first, last };
  } catch {
    // not Linux
  }
  return DEFAULT_EPHEMERAL_RANGE;
}

function defaultReservationDir(): string {
  return path.join(tmpdir(), `bcci-port-reservations-${userInfo().uid}`);
}
