import type { IncomingMessage } from '../ports/message-bus.port';

/**
 * Hooks for operators: one call when the consumer starts waiting on a dependency and one when it gets
 * through again (log lines), plus one per failed attempt in between (a counter), never a log per retry.
 */
export interface DependencyWaitListener {
  /** First transient failure of an outage: the consumer holds `message` and stops taking new ones. */
  waiting?(reason: string, message: IncomingMessage): void;
  /** Every transient failure, the first included, with the delay before the next attempt. */
  retried?(reason: string, delayMs: number): void;
  /** An attempt got past the dependency after waiting: how long the wait lasted and how many retries it took. */
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

/** The consumer's current outage, if any: turns a stream of transient failures into start/end events. */
export class DependencyWaitTracker {
  private current?: { since: number; reason: string; retries: number; holding: string };

  constructor(
    private readonly listener: DependencyWaitListener = {},
    private readonly clock: () => number = Date.now,
  ) {}

  get state(): DependencyWaitState | undefined {
    const current = this.current;
    return current && { since: new Date(current.since), reason: current.reason, retries: current.retries, holding: current.holding };
  }

  failed(reason: string, message: IncomingMessage, delayMs: number): void {
    if (!this.current) {
      this.current = { since: this.clock(), reason, retries: 0, holding: `${message.topic}@${message.partition}:${message.offset}` };
      this.listener.waiting?.(reason, message);
    }
    this.current.retries += 1;
    this.current.reason = reason;
    this.listener.retried?.(reason, delayMs);
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

  private end(): [waitedMs: number, retries: number] | undefined {
    const current = this.current;
    this.current = undefined;
    return current && [this.clock() - current.since, current.retries];
  }
}
