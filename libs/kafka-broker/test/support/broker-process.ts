import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

export interface BrokerProcess {
  readonly child: ChildProcess;
  readonly bootstrap: string;
  readonly output: () => string;
}

/** Runs the broker CLI as a separate process, so a test can SIGKILL it like a crash would. */
export function spawnBroker(dataDir: string, extraArgs: string[] = []): Promise<BrokerProcess> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/register-ts.cjs'), path.join(ROOT, 'libs/kafka-broker/src/cli.ts'), '--data-dir', dataDir, '--port', '0', '--log-level', 'warn', '--min-session-timeout-ms', '500', ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /kafka broker listening on (\S+)/.exec(output);
      if (match) resolve({ child, bootstrap: match[1], output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`broker exited with ${code} before listening:\n${output}`)));
  });
}

export function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
