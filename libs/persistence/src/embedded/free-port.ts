import { createServer } from 'node:net';

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
