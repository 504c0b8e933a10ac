import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';

export interface ServiceProcessOptions {
  name: string;
  rootDir: string;
  /** `services/<name>/src/main.ts`. */
  entry: string;
  port: number;
  environment: Record<string, string>;
  logFile: string;
  /** Also copy the service's output to our stdout, each line prefixed with the name. */
  echo: boolean;
}

export class ServiceStartError extends Error {}

/**
 * One service as a child process: `node -r tools/register-ts.cjs services/<name>/src/main.ts`, output
 * appended to its log file. It knows how to wait for `/ready`, to stop, and to tell when it died.
 */
export class ServiceProcess {
  readonly url: string;
  private child?: ChildProcess;
  private log?: WriteStream;
  private exited?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private stopping = false;

  constructor(private readonly options: ServiceProcessOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  start(): void {
    const { rootDir, entry, environment, logFile, echo, name } = this.options;
    mkdirSync(path.dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n===== ${new Date().toISOString()} starting ${name} (${entry}) =====\n`);
    this.log = log;
    // --disable-warning: kafkajs's harmless negative-timeout warning (see tools/run-ts.mjs) stays out of the logs.
    const child = spawn(process.execPath, ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', '-r', path.join(rootDir, 'tools/register-ts.cjs'), entry], {
      cwd: rootDir,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const copy = (chunk: Buffer) => {
      log.write(chunk);
      if (echo) {
        const text = chunk.toString('utf8').replace(/\n$/, '');
        process.stdout.write(text.split('\n').map((line) => `[${name}] ${line}`).join('\n') + '\n');
      }
    };
    child.stdout!.on('data', copy);
    child.stderr!.on('data', copy);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        // Let the pipes drain before closing the log, so the last lines (often the reason) are kept.
        setImmediate(() => {
          log.end(`===== ${name} exited (code ${code}, signal ${signal}) =====\n`, () => resolve({ code, signal }));
        });
      });
      child.once('error', (error) => {
        log.write(`failed to spawn: ${error.message}\n`);
        resolve({ code: null, signal: null });
      });
    });
  }

  /** Resolves when the process exits, with its exit code or signal. */
  whenExited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exited) throw new Error(`${this.name} was not started`);
    return this.exited;
  }

  /** Polls GET /ready until it answers 200; fails at once if the process dies, or after the timeout. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let died: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    void this.whenExited().then((exit) => (died = exit));
    let lastAnswer = 'no answer yet';
    while (Date.now() < deadline) {
      if (died) {
        throw new ServiceStartError(
          `${this.name} exited before it was ready (code ${died.code}, signal ${died.signal}). Last lines of ${this.options.logFile}:\n${this.lastLogLines(30)}`,
        );
      }
      lastAnswer = await probe(`${this.url}/ready`);
      if (lastAnswer === '200') return;
      // Short: every service answers within seconds, and each poll is one local HTTP request.
      await delay(100);
    }
    throw new ServiceStartError(
      `${this.name} was not ready after ${Math.round(timeoutMs / 1000)} s (GET ${this.url}/ready: ${lastAnswer}). Last lines of ${this.options.logFile}:\n${this.lastLogLines(30)}`,
    );
  }

  /** SIGTERM, then SIGKILL after `graceMs`. Resolves when the process is gone. */
  async stop(graceMs = 8000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      if (this.exited) await this.exited;
      return;
    }
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.whenExited();
    clearTimeout(killer);
  }

  /** The last `count` lines of the service's log file. */
  lastLogLines(count: number): string {
    try {
      const lines = readFileSync(this.options.logFile, 'utf8').trimEnd().split('\n');
      return lines.slice(-count).map((line) => `  | ${line}`).join('\n');
    } catch {
      return '  | (no log)';
    }
  }
}

function probe(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
