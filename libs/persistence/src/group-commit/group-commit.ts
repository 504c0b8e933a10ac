/** What a flush says about one item: its result, or why it failed (the other items are unaffected). */
export type ItemOutcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions {
  /** Most items written by one flush (one transaction). */
  readonly maxBatch: number;
  /** Flushes running at once; further items queue until one finishes. */
  readonly maxInFlight: number;
}

interface Pending<I, R> {
  readonly item: I;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a flush is running are written together by the next one, so a
 * busy service pays one transaction's round trips and commit for many requests, and an idle one still
 * writes each request at once (a flush starts as soon as a slot is free; nothing waits for a timer).
 *
 * `flush` answers one outcome per item, in order. If it throws instead, every item of that flush fails
 * with the error: a flush that can isolate a bad item (e.g. by retrying the items one by one) should.
 */
export class GroupCommit<I, R> {
  private readonly queue: Pending<I, R>[] = [];
  private inFlight = 0;
  private inFlightItems = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly flush: (items: readonly I[]) => Promise<readonly ItemOutcome<R>[]>,
    private readonly options: GroupCommitOptions,
  ) {
    if (!(options.maxBatch >= 1) || !(options.maxInFlight >= 1)) throw new RangeError('GroupCommit needs maxBatch ≥ 1 and maxInFlight ≥ 1');
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.startFlushes();
    });
  }

  /** Items submitted but not yet answered (queued or being written). */
  get pending(): number {
    return this.queue.length + this.inFlightItems;
  }

  /** Resolves once every submitted item is answered (for a clean shutdown). */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private startFlushes(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      this.inFlightItems += batch.length;
      void this.run(batch);
    }
  }

  private async run(batch: Pending<I, R>[]): Promise<void> {
    try {
      const outcomes = await this.flush(batch.map((pending) => pending.item));
      if (outcomes.length !== batch.length) throw new Error(`GroupCommit flush answered ${outcomes.length} outcomes for ${batch.length} items`);
      batch.forEach((pending, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.inFlight--;
      this.inFlightItems -= batch.length;
      this.startFlushes();
      if (this.queue.length === 0 && this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }
}
