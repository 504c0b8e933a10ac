import path from 'node:path';
import { REPOSITORY_ROOT, type StackOptions } from './launcher';

/**
 * Launcher options that run `services` with a wall clock `offsetMs` ahead (see journey-clock-offset.cjs);
 * every other service of the stack keeps the real clock.
 */
export function clockAheadFor(services: string[], offsetMs: number): Partial<StackOptions> {
  const preload = path.join(REPOSITORY_ROOT, 'tests', 'support', 'journey-clock-offset.cjs');
  return {
    serviceEnvironment: {
      NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', `--require ${preload}`].join(' ').trim(),
      E2E_CLOCK_OFFSET_MS: String(Math.round(offsetMs)),
      E2E_CLOCK_OFFSET_SERVICES: services.join(','),
    },
  };
}
