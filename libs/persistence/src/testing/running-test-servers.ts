// Jest runs globalSetup and globalTeardown in the same process but loads them as separate modules,
// possibly through separate module registries, so the hand-over goes through globalThis.
const KEY = Symbol.for('bcci.test-servers');

export interface RunningTestServers {
  root: string;
  /** Stop functions, run in order at teardown. */
  stops: Array<() => Promise<void>>;
}

export function setRunningTestServers(running: RunningTestServers): void {
  (globalThis as Record<symbol, unknown>)[KEY] = running;
}

export function takeRunningTestServers(): RunningTestServers | undefined {
  const running = (globalThis as Record<symbol, unknown>)[KEY] as RunningTestServers | undefined;
  delete (globalThis as Record<symbol, unknown>)[KEY];
  return running;
}
