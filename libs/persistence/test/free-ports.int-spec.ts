import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePorts } from '@bcci/persistence';

function listen(port: number): Promise<Server> {
  const server = createServer();
  return new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve(server)));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The pid of a process that has ended: a reservation it left behind is stale. */
function pidOfAnEndedProcess(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('findFreePorts', () => {
  let reservationDir: string;
  beforeEach(() => {
    reservationDir = mkdtempSync(path.join(tmpdir(), 'bcci-port-reservations-test-'));
  });
  afterEach(() => rmSync(reservationDir, { recursive: true, force: true }));

  // A BCCI_FREE_PORTS=1 stack once gave tracking and agency-simulator the same port: ports asked one by
  // one can come back twice.
  it('answers distinct ports that can be bound', async () => {
    const ports = await findFreePorts(20, { reservationDir });
    expect(new Set(ports).size).toBe(20);
    for (const port of ports.slice(0, 3)) await close(await listen(port));
  });

  // A fault-suite stack once failed to start: tracking's port, chosen by the OS from its ephemeral range,
  // had been taken by one of the connections the stack opened before tracking bound it.
  it('chooses ports below the ephemeral range that outgoing connections draw from', async () => {
    const [firstEphemeral] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports = await findFreePorts(20, { reservationDir });
    for (const port of ports) expect(port).toBeLessThan(firstEphemeral);
  });

  it('does not hand out a port twice while the process that chose it lives, even before it is bound', async () => {
    const port = await aFreePort();
    const onlyThatPort = { reservationDir, range: { first: port, last: port } };
    expect(await findFreePorts(1, onlyThatPort)).toEqual([port]);
    await expect(findFreePorts(1, onlyThatPort)).rejects.toThrow(`no free port found between ${port} and ${port} (0 of 1 found)`);
  });

  it('takes over a reservation left by a process that has ended', async () => {
    const port = await aFreePort();
    writeFileSync(path.join(reservationDir, String(port)), String(pidOfAnEndedProcess()));
    expect(await findFreePorts(1, { reservationDir, range: { first: port, last: port } })).toEqual([port]);
    expect(readFileSync(path.join(reservationDir, String(port)), 'utf8')).toBe(String(process.pid));
  });

  it('skips a port something else is listening on', async () => {
    const port = await aFreePort();
    const holder = await listen(port);
    try {
      await expect(findFreePorts(1, { reservationDir, range: { first: port, last: port } })).rejects.toThrow('no free port found');
    } finally {
      await close(holder);
    }
  });

  it('still answers free ports where no reservation can be written', async () => {
    // Permissions do not stop root, who runs CI: a directory under a plain file cannot be created by anyone.
    const aFile = path.join(reservationDir, 'a-file');
    writeFileSync(aFile, '');
    const ports = await findFreePorts(3, { reservationDir: path.join(aFile, 'reservations') });
    expect(new Set(ports).size).toBe(3);
  });

  /** A port free now, reserved elsewhere than the reservations under test. */
  async function aFreePort(): Promise<number> {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bcci-port-reservations-scratch-'));
    try {
      const [port] = await findFreePorts(1, { reservationDir: scratch });
      return port;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
});
