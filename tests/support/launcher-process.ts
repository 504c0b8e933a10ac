import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY_ROOT } from './launcher';

/**
 * `npm start` as a child process (deploy/embedded/start.mjs, the script's target) with its own data
 * directory and free ports, its output collected line by line.
 */
export class LauncherProcess {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private lineWaiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  private lineListeners: Array<(line: string) => void> = [];

  constructor(dataDir: string, extraEnv: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [path.join(REPOSITORY_ROOT, 'deploy/embedded/start.mjs')], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, BCCI_DATA_DIR: dataDir, BCCI_FREE_PORTS: '1', LOG_LEVEL: 'warn', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    const collect = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop()!;
      for (const line of parts) this.addLine(line);
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exit = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The first line (already printed or to come) matching `pattern`; rejects if the launcher exits first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const found = this.lines.find((line) => pattern.test(line));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms. Output:\n${this.output()}`)), timeoutMs);
      const waiter = {
        pattern,
        resolve: (line: string) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      this.lineWaiters.push(waiter);
      void this.exit.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`launcher exited (code ${code}, signal ${signal}) before printing ${pattern}. Output:\n${this.output()}`));
      });
    });
  }

  /** Called with every line printed from now on. */
  onLine(listener: (line: string) => void): void {
    this.lineListeners.push(listener);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  whenExited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exit;
  }

  /** For afterAll: make sure nothing is left running whatever happened in the test. */
  async ensureStopped(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exit;
  }

  output(): string {
    return this.lines.join('\n');
  }

  private addLine(line: string): void {
    this.lines.push(line);
    for (const listener of this.lineListeners) listener(line);
    const matched = this.lineWaiters.filter((w) => w.pattern.test(line));
    this.lineWaiters = this.lineWaiters.filter((w) => !matched.includes(w));
    for (const waiter of matched) waiter.resolve(line);
  }
}
