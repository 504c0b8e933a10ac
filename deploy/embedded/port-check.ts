import { createServer } from 'node:net';

export class PortInUseError extends Error {}

/** Resolves when `port` can be bound on `host`; rejects with a PortInUseError naming who wanted it and what to do. */
export function assertPortFree(port: number, owner: string, hint: string, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(new PortInUseError(`port ${port} (${owner}) is already in use on ${host}. ${hint}`));
      } else {
        reject(error);
      }
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
