import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildExit, SupervisedChild } from './supervisor';

export const BROKER_ENTRY = path.join('libs', 'kafka-broker', 'src', 'cli.ts');

export interface BrokerProcessOptions {
  rootDir: string;
  dataDir: string;
  port: number;
  logFile: string;
}

/**
 * The project's Kafka broker as its own process (`npm run broker`'s entry, libs/kafka-broker/src/cli.ts),
 * so that it can die, be killed and be restarted alone. Output goes to its log file; it stops when our
 * stdin pipe closes, so a launcher killed hard does not leave it behind.
 */
export class BrokerProcess implements SupervisedChild {
  readonly bootstrap: string;
  private child?: ChildProcess;
  private exited?: Promise<ChildExit>;
  private listening = false;

  constructor(private readonly options: BrokerProcessOptions) {
    this.bootstrap = `127.0.0.1:${options.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const { rootDir, dataDir, port, logFile } = this.options;
    mkdirSync(path.dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n===== ${new Date().toISOString()} starting the broker (${dataDir}, port ${port}) =====\n`);
    const args = [
      '--data-dir', dataDir,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--fsync', 'interval',
      // Topics come from contracts/ only, as in production: a typo in a topic name fails loudly.
      '--no-auto-create-topics',
      '--min-session-timeout-ms', '1000',
      '--log-level', 'warn',
    ];
    const child = spawn(process.execPath, ['--enable-source-maps', '-r', path.join(rootDir, 'tools/register-ts.cjs'), BROKER_ENTRY, ...args], {
      cwd: rootDir,
      env: { ...process.env, KAFKA_BROKER_STOP_ON_STDIN_END: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    const copy = (chunk: Buffer) => {
      log.write(chunk);
      if (chunk.toString('utf8').includes('kafka broker listening on')) this.listening = true;
    };
    child.stdout!.on('data', copy);
    child.stderr!.on('data', copy);
    // A pipe closed under us (the broker died) must not crash the launcher.
    child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        setImmediate(() => log.end(`===== broker exited (code ${code}, signal ${signal}) =====\n`, () => resolve({ code, signal })));
      });
      child.once('error', (error) => {
        log.write(`failed to spawn: ${error.message}\n`);
        resolve({ code: null, signal: null });
      });
    });
  }

  whenExited(): Promise<ChildExit> {
    if (!this.exited) throw new Error('the broker was not started');
    return this.exited;
  }

  /** Resolves once the broker printed that it listens; fails if it exits first or after the timeout. */
  async waitUntilListening(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let died: ChildExit | undefined;
    void this.whenExited().then((exit) => (died = exit));
    while (!this.listening) {
      if (died) throw new Error(`the broker exited before it listened (code ${died.code}, signal ${died.signal}). Last lines of ${this.options.logFile}:\n${this.lastLogLines(20)}`);
      if (Date.now() > deadline) throw new Error(`the broker did not listen on ${this.bootstrap} within ${Math.round(timeoutMs / 1000)} s. Last lines of ${this.options.logFile}:\n${this.lastLogLines(20)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGTERM (the broker closes its logs and releases its lock), then SIGKILL after `graceMs`. */
  async stop(graceMs = 8000): Promise<void> {
    const child = this.child;
    if (!child || !this.exited) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(killer);
    }
    await this.exited;
  }

  lastLogLines(count: number): string {
    try {
      return readFileSync(this.options.logFile, 'utf8').trimEnd().split('\n').slice(-count).map((line) => `  | ${line}`).join('\n');
    } catch {
      return '  | (no log)';
    }
  }
}
