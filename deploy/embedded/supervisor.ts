import { RestartPolicy } from './restart-policy';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What the supervisor needs of a process it started: its pid, its end, and how to stop it. */
export interface SupervisedChild {
  readonly pid: number | undefined;
  whenExited(): Promise<ChildExit>;
  stop(): Promise<void>;
}

export interface SupervisorOptions<C extends SupervisedChild> {
  /** As printed: `intake`, `Kafka broker`, `PostgreSQL`. */
  name: string;
  /**
   * Starts the process and resolves once it is ready. `register` is called as soon as the process
   * exists, so that a stop during the start can end it.
   */
  launch(register: (child: C) => void): Promise<C>;
  /** The last lines of its log, for the give-up message. */
  logTail(): string;
  policy: RestartPolicy;
  step(message: string): void;
  warn(message: string): void;
  /** The process changed (restarted, died, gave up): e.g. rewrite stack.json. */
  onChange?(): void;
  /** Every unexpected death, before the restart decision. */
  onCrash?(exit: ChildExit): void;
}

/**
 * Keeps one process running: restarts it with the policy's backoff when it dies, gives up loudly after
 * a crash loop, and never restarts anything once stop() was called or while paused (killed on purpose).
 */
export class Supervisor<C extends SupervisedChild> {
  private current: C | undefined;
  private launching: Promise<unknown> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private paused = false;
  private givenUp = false;

  constructor(private readonly options: SupervisorOptions<C>) {}

  get name(): string {
    return this.options.name;
  }

  get child(): C | undefined {
    return this.current;
  }

  get pid(): number | undefined {
    return this.current?.pid;
  }

  get hasGivenUp(): boolean {
    return this.givenUp;
  }

  /** The first start: a failure is thrown (the stack does not start), not retried. */
  async start(): Promise<C> {
    const child = await this.launchOnce();
    this.watch(child);
    return child;
  }

  /** Kills the process on purpose (tests); it is not restarted until resume(). */
  async kill(signal: NodeJS.Signals): Promise<ChildExit> {
    const child = this.current;
    if (!child) throw new Error(`${this.name} is not running`);
    this.paused = true;
    this.cancelTimer();
    if (child.pid !== undefined) {
      try {
        process.kill(child.pid, signal);
      } catch {
        // Already gone: whenExited() resolves all the same.
      }
    }
    return child.whenExited();
  }

  /**
   * Stops the process on purpose, gracefully (tests: a database taken away for a while); it is not
   * restarted until resume().
   */
  async pause(): Promise<void> {
    const child = this.current;
    if (!child) throw new Error(`${this.name} is not running`);
    this.paused = true;
    this.cancelTimer();
    await child.stop();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Starts a process killed with kill() again; resolves once it is ready. */
  async resume(): Promise<void> {
    if (!this.paused) throw new Error(`${this.name} is running; kill it first`);
    this.paused = false;
    const child = await this.launchOnce();
    this.watch(child);
  }

  /** No more restarts; stops the process (also one still starting). Safe to call twice. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelTimer();
    // A process still starting is stopped at once (its start then fails), not awaited until ready.
    if (this.current) await this.current.stop();
    if (this.launching) await this.launching.catch(() => undefined);
    if (this.current) await this.current.stop();
  }

  private async launchOnce(): Promise<C> {
    let registered: C | undefined;
    const launch = this.options.launch((child) => {
      registered = child;
      this.current = child;
      this.options.onChange?.();
    });
    this.launching = launch;
    try {
      const child = await launch;
      this.current = child;
      this.options.policy.ready();
      this.options.onChange?.();
      return child;
    } catch (error) {
      // Not ready in time: make sure the attempt is gone before anything else starts on its port.
      if (registered) await registered.stop().catch(() => undefined);
      throw error;
    } finally {
      this.launching = undefined;
    }
  }

  private watch(child: C): void {
    void child.whenExited().then((exit) => {
      if (this.stopping || this.paused || child !== this.current) return;
      this.options.onCrash?.(exit);
      this.crashed(`died (${describeExit(exit)})`);
    });
  }

  private crashed(what: string): void {
    this.options.onChange?.();
    const decision = this.options.policy.crashed();
    if (decision.action === 'give-up') {
      this.givenUp = true;
      this.options.warn(
        `${this.name}: ${what}; it crashed ${decision.crashes} times within ${Math.round(decision.windowMs / 1000)} s, giving up (not restarted again; Ctrl-C and npm start to try again). Last lines of its log:\n${this.options.logTail()}`,
      );
      return;
    }
    this.options.step(`${this.name}: ${what}, restarting in ${formatSeconds(decision.delayMs)} (restart ${decision.restart})`);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.restart();
    }, decision.delayMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping || this.paused) return;
    try {
      const child = await this.launchOnce();
      if (this.stopping) return;
      this.options.step(`${this.name}: ready again`);
      this.watch(child);
    } catch (error) {
      if (this.stopping || this.paused) return;
      this.crashed(`did not start again (${firstLine((error as Error).message)})`);
    }
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export function describeExit({ code, signal }: ChildExit): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

function formatSeconds(ms: number): string {
  return `${Number.isInteger(ms / 1000) ? ms / 1000 : (ms / 1000).toFixed(1)} s`;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
