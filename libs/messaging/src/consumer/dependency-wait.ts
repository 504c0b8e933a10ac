import type { IncomingMessage } from '../ports/message-bus.port';

/**
 * Hooks for operators: one call when the consumer starts waiting on a dependency and one when it gets
 * through again (log lines), plus one per failed attempt in between (a counter), never a log per retry.
 */
export interface DependencyWaitListener {
  /** The outage is real (ANNOUNCE_AFTER_FAILURES transient failures in a row): the consumer holds `message` and takes no new ones. */
  waiting?(reason: string, message: IncomingMessage): void;
  /** Every transient failure, the first included, with the delay before the next attempt. */
  retried?(reason: string, delayMs: number): void;
  /** An attempt got past the dependency after an announced wait: how long since its first failure, and how many retries. */
  recovered?(waitedMs: number, retries: number): void;
  /** Waiting ended without recovery: the consumer is stopping or the partition was revoked. */
  abandoned?(waitedMs: number, retries: number): void;
}

export interface DependencyWaitState {
  since: Date;
  /** The last transient error, e.g. "QueryFailedError: the database system is not yet accepting connections". */
  reason: string;
  retries: number;
  /** The message held meanwhile ("topic@partition:offset"). */
  holding: string;
}

/**
 * Transient failures in a row before a wait is announced (log, gauge, readiness). A deadlock or a
 * serialization failure that the first retry resolves is routine under contention, not an outage: it is
 * counted, but neither logged nor reported as not-ready.
 */
export const ANNOUNCE_AFTER_FAILURES = 2;

/** The consumer's current outage, if any: turns a stream of transient failures into start/end events. */
export class DependencyWaitTracker {
  private current?: { since: number; reason: string; retries: number; holding: string; announced: boolean };

  constructor(
    private readonly listener: DependencyWaitListener = {},
    private readonly clock: () => number = Date.now,
  ) {}

  /** The announced wait (since its first failure), if any. */
  get state(): DependencyWaitState | undefined {
    const current = this.current;
    if (!current?.announced) return undefined;
    return { since: new Date(current.since), reason: current.reason, retries: current.retries, holding: current.holding };
  }

  failed(reason: string, message: IncomingMessage, delayMs: number): void {
    this.current ??= { since: this.clock(), reason, retries: 0, holding: `${message.topic}@${message.partition}:${message.offset}`, announced: false };
    this.current.retries += 1;
    this.current.reason = reason;
    this.listener.retried?.(reason, delayMs);
    if (!this.current.announced && this.current.retries >= ANNOUNCE_AFTER_FAILURES) {
      this.current.announced = true;
      this.listener.waiting?.(reason, message);
    }
  }

  /** An attempt was not stopped by a dependency (it succeeded, or failed for a reason of its own). */
  gotThrough(): void {
    const ended = this.end();
    if (ended) this.listener.recovered?.(...ended);
  }

  abandon(): void {
    const ended = this.end();
    if (ended) this.listener.abandoned?.(...ended);
  }

  /** Forgets the current wait; answers its duration and retries if it had been announced. */
  private end(): [waitedMs: number, retries: number] | undefined {
    const current = this.current;
    this.current = undefined;
    return current?.announced ? [this.clock() - current.since, current.retries] : undefined;
  }
}
