import { createServer, type Server } from 'node:net';

/**
 * Asks the OS for a free TCP port on the loopback interface. There is a small window between closing
 * the probe and the caller binding the port; that is acceptable for tests and the local stack.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port found'))));
    });
  });
}

/**
 * `count` distinct free ports. The probes stay open until all are chosen: asked one after the other,
 * the OS may hand the same port out twice (two services of one stack then fight over it, and the
 * second one's /ready is answered by the first).
 */
export async function findFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const probes = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
      const probe = createServer();
      probe.unref();
      probe.once('error', reject);
      probe.listen(0, host, () => resolve(probe));
    })),
  );
  const ports = probes.map((probe) => {
    const address = probe.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  if (ports.some((port) => port === 0)) throw new Error('no free port found');
  return ports;
}
