/**
 * When the launcher restarts a process that died (a service, the broker, PostgreSQL), and when it gives up.
 * Pure: time comes from the injected clock, so the policy is tested without waiting.
 *
 * - The n-th crash in a row waits `initialDelayMs * 2^(n-1)`, capped at `maxDelayMs` (1 s, 2 s, 4 s … 30 s).
 * - More than `maxCrashes` crashes within `windowMs` is a crash loop: give up, do not restart again.
 * - A process that stayed up `stableAfterMs` since it was last ready starts afresh (its crashes are forgotten).
 */
export interface RestartPolicyOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Crashes tolerated within `windowMs`; the next one gives up. */
  maxCrashes: number;
  windowMs: number;
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxCrashes: 5,
  windowMs: 5 * 60_000,
  stableAfterMs: 60_000,
};

export type RestartDecision =
  | { action: 'restart'; delayMs: number; /** 1 for the first restart since the process was last stable. */ restart: number }
  | { action: 'give-up'; crashes: number; windowMs: number };

export class RestartPolicy {
  private crashes: number[] = [];
  private readyAt: number | undefined;

  constructor(
    private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** The process answered ready (first start or a restart). */
  ready(): void {
    this.readyAt = this.now();
  }

  /** The process died (or a restart failed to become ready): restart it after `delayMs`, or give up. */
  crashed(): RestartDecision {
    const now = this.now();
    if (this.readyAt !== undefined && now - this.readyAt >= this.options.stableAfterMs) this.crashes = [];
    this.readyAt = undefined;
    this.crashes = this.crashes.filter((at) => now - at < this.options.windowMs);
    this.crashes.push(now);
    if (this.crashes.length > this.options.maxCrashes) {
      return { action: 'give-up', crashes: this.crashes.length, windowMs: this.options.windowMs };
    }
    const restart = this.crashes.length;
    const delayMs = Math.min(this.options.initialDelayMs * 2 ** (restart - 1), this.options.maxDelayMs);
    return { action: 'restart', delayMs, restart };
  }
}
