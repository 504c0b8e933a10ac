import { rmSync } from 'node:fs';
import { takeRunningTestServers } from './running-test-servers';

/** Jest globalTeardown: stops what global-setup started and removes its temporary directory. */
export default async function globalTeardown(): Promise<void> {
  const running = takeRunningTestServers();
  if (!running) return;
  for (const stop of running.stops) {
    await stop().catch((error: unknown) => console.error('test server did not stop cleanly', error));
  }
  rmSync(running.root, { recursive: true, force: true });
}
