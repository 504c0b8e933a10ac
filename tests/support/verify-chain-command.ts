import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY_ROOT } from './launcher';

export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run timeline:verify` (tracking's verify-chain command) against a tracking database, as its own
 * process. Asynchronous on purpose: a synchronous spawn blocks the test's event loop for the command's
 * whole run (tens of seconds on a busy machine), during which the services close the test's idle
 * keep-alive connections unseen, and the next request on one fails with "other side closed".
 */
export function runVerifyChain(databaseUrl: string, args: readonly string[] = []): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPOSITORY_ROOT, 'tools/run-ts.mjs'), 'services/tracking/src/timeline/verify-chain.cli.ts', '--database-url', databaseUrl, ...args],
      { cwd: REPOSITORY_ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = (error as (Error & { code?: unknown }) | null)?.code;
        resolve({ status: error ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
      },
    );
  });
}
