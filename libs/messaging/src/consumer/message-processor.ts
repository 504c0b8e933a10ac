import { parseEvent } from '../envelope/build-event';
import { childTraceparent, TRACEPARENT_HEADER } from '../envelope/trace-context';
import { toDeadLetter, type DeadLetterCause } from '../dead-letter/dead-letter-headers';
import type { BatchControl, IncomingBatch, IncomingMessage, MessageProducer } from '../ports/message-bus.port';
import { describeError, EventValidationError } from './consumer-errors';
import { decideAfterFailure, type FailureHistory, type FailurePolicies } from './failure-decision';
import { DependencyWaitTracker, type DependencyWaitListener, type DependencyWaitState } from './dependency-wait';
import { interruptibleSleep, pauseWithHeartbeats, type Sleep } from './interruptible-sleep';
import { allowPresumptions, type Presumptions } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '../envelope/cloud-event';
import type { EventHandlerFn, EventValidator, HandlerResolver, InboxPort, TransactionRunner } from './event-handler';
import { backoffDelayMs, DEFAULT_DEPENDENCY_BACKOFF, DEFAULT_RETRY_POLICY, type Backoff, type RetryPolicy } from './retry-policy';
import { classifyFailure } from './failure-classification';

export type MessageOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';
/** 'interrupted': the consumer stopped or lost the partition while the message waited; it stays unresolved. */
export type ProcessResult = MessageOutcome | 'interrupted';

export interface MessageProcessorDeps {
  /** Inbox consumer name: one per logical consumer, stable across releases. */
  consumer: string;
  resolveHandler: HandlerResolver;
  transaction: TransactionRunner;
  inbox: InboxPort;
  /** Sends dead letters. */
  producer: MessageProducer;
  validate?: EventValidator;
  /** Deterministic failures: bounded retries, then the dead-letter topic. */
  retry?: Partial<RetryPolicy>;
  /** Transient failures (a dependency is down): unbounded retries with this backoff, message kept. */
  dependencyBackoff?: Partial<Backoff>;
  /** Aborted by the consumer's stop(): a message waiting between attempts is left unresolved at once. */
  signal?: AbortSignal;
  sleep?: Sleep;
  clock?: () => number;
  random?: () => number;
  /** Longest sleep between two heartbeats while waiting (default 1000 ms; keep it under a third of the session timeout). */
  heartbeatEveryMs?: number;
  onDependencyWait?: DependencyWaitListener;
  /** `eventType` when the message parsed (so that listeners need not parse it again). */
  onOutcome?: (outcome: MessageOutcome, message: IncomingMessage, reason?: string, eventType?: string) => void;
  /**
   * Most messages of a batch handled in one transaction (default 50; 1 = a transaction per message).
   * A run whose messages all parse, validate and succeed on their first attempt commits together;
   * otherwise it is rolled back and its messages are handled one by one, in order, with retries and
   * dead letters.
   */
  maxMessagesPerTransaction?: number;
}

/** What handlers left for the end of their transaction (EventContext.beforeCommit), once per key. */
class BeforeCommitWork {
  private readonly byKey = new Map<object, () => Promise<void>>();

  readonly add = (key: object, work: () => Promise<void>): void => {
    if (!this.byKey.has(key)) this.byKey.set(key, work);
  };

  async run(): Promise<void> {
    for (const work of this.byKey.values()) await work();
  }
}

interface ParsedMessage {
  readonly message: IncomingMessage;
  readonly event: CloudEvent;
  readonly handler: EventHandlerFn | undefined;
}

/**
 * The consumer's per-message rules, independent of any Kafka client:
 * handler + inbox row in one transaction; bounded retries with backoff; then a dead letter with the
 * reason, so the partition keeps flowing. A transient failure (database or broker unreachable, see
 * failure-classification.ts) is not the message's fault: the message is kept and retried with capped
 * backoff for as long as the outage lasts, and the batch (hence the partition) waits with it. An offset
 * is resolved only after its message's outcome is durable (transaction committed or dead letter acknowledged).
 * One batch at a time (the client's default): the wait state is the processor's, not a partition's.
 */
export class MessageProcessor {
  private readonly policies: FailurePolicies;
  private readonly sleep: Sleep;
  private readonly waits: DependencyWaitTracker;

  constructor(private readonly deps: MessageProcessorDeps) {
    this.policies = {
      retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
      dependency: { ...DEFAULT_DEPENDENCY_BACKOFF, ...deps.dependencyBackoff },
    };
    this.sleep = deps.sleep ?? interruptibleSleep;
    this.waits = new DependencyWaitTracker(deps.onDependencyWait, deps.clock);
  }

  /** Set while a message waits for a dependency to come back (for readiness probes). */
  get waitingOnDependency(): DependencyWaitState | undefined {
    return this.waits.state;
  }

  async processBatch(batch: IncomingBatch, control: BatchControl): Promise<void> {
    await this.processBatches([{ batch, control }]);
  }

  /**
   * Batches of several partitions delivered together (one fetch from the broker), handled as one
   * stream: runs of up to maxMessagesPerTransaction messages cross partition and topic boundaries, so a
   * fetch that brings one or two events on each of many partitions costs one transaction, not one per
   * partition. Each partition's messages keep their order; each offset is resolved with its own
   * partition's control after its outcome is durable.
   */
  async processBatches(deliveries: ReadonlyArray<{ batch: IncomingBatch; control: BatchControl }>): Promise<void> {
    const runLength = Math.max(1, this.deps.maxMessagesPerTransaction ?? 50);
    const queue = deliveries.flatMap(({ batch, control }) => batch.messages.map((message) => ({ message, control })));
    // A partition revoked (or the consumer stopping) stops its own messages; they are redelivered to the new owner.
    const stopped = new Set<BatchControl>();
    const stillOurs = (control: BatchControl): boolean => {
      if (stopped.has(control)) return false;
      if (control.shouldContinue()) return true;
      stopped.add(control);
      return false;
    };
    for (let start = 0; start < queue.length; start += runLength) {
      const run = queue.slice(start, start + runLength).filter(({ control }) => stillOurs(control));
      if (run.length === 0) continue;
      const controls = [...new Set(run.map(({ control }) => control))];
      if (run.length > 1 && (await this.processTogether(run.map(({ message }) => message)))) {
        for (const { message, control } of run) control.resolveOffset(message.offset);
        for (const control of controls) await control.commitOffsetsIfNecessary();
        await controls[0]!.heartbeat();
        continue;
      }
      for (const [i, { message, control }] of run.entries()) {
        if (i > 0 && !stillOurs(control)) continue;
        if ((await this.process(message, control)) === 'interrupted') return;
        control.resolveOffset(message.offset);
        await control.commitOffsetsIfNecessary();
        await control.heartbeat();
      }
    }
  }

  /**
   * A run of messages in one transaction with one inbox statement: a busy consumer pays one commit for
   * many events. Answers false, having changed nothing, when any message is invalid or any handler fails:
   * the caller then handles the run one message at a time, which retries, dead-letters and reports.
   */
  private async processTogether(run: readonly IncomingMessage[]): Promise<boolean> {
    const parsed: ParsedMessage[] = [];
    try {
      for (const message of run) {
        const event = parseEvent(message.value);
        const handler = this.deps.resolveHandler(event.type);
        // Only what this consumer acts on is validated and recorded in its inbox: a topic carries many
        // event types, and the others cost nothing but their parse.
        if (handler && (await this.deps.validate?.(event))?.length) return false;
        parsed.push({ message, event, handler });
      }
    } catch {
      return false;
    }
    const handled = parsed.filter((p) => p.handler !== undefined);
    let fresh = new Set<string>();
    if (handled.length > 0) {
      const presumptions: Presumptions[] = [];
      try {
        fresh = await this.runTogether(handled, presumptions);
      } catch (error) {
        // An event of the run was handled before (a redelivery): run it again, asking the inbox which to skip.
        if (!presumptions[0]?.explains(error)) return false;
        try {
          fresh = await this.runTogether(handled);
        } catch {
          return false;
        }
      }
    }
    const reported = new Set<string>();
    for (const { message, event, handler } of parsed) {
      if (!handler) this.report('ignored', message, undefined, event.type);
      else if (fresh.has(event.id) && !reported.has(event.id)) {
        reported.add(event.id);
        this.report('handled', message, undefined, event.type);
      } else this.report('duplicate', message, undefined, event.type);
    }
    return true;
  }

  /**
   * The handled messages of a run in one transaction; answers the event ids handled now. Given
   * `presumptions`, the transaction lets its steps presume (the inbox's records among them) and what
   * they presumed is pushed there, for the caller to tell a redelivery from a failure.
   */
  private runTogether(handled: readonly ParsedMessage[], presumptions?: Presumptions[]): Promise<Set<string>> {
    return this.deps.transaction(async (manager) => {
      if (presumptions) presumptions.push(allowPresumptions(manager));
      const recorded = await this.recordAll(manager, handled.map((p) => p.event.id));
      const done = new Set<string>();
      const finishing = new BeforeCommitWork();
      for (const { message, event, handler } of handled) {
        if (!recorded.has(event.id) || done.has(event.id)) continue;
        done.add(event.id);
        const traceparent = childTraceparent(message.headers[TRACEPARENT_HEADER]);
        await handler!(event, { manager, message, traceparent, consumer: this.deps.consumer, attempt: 1, beforeCommit: finishing.add });
      }
      await finishing.run();
      return done;
    });
  }

  private async recordAll(manager: EntityManager, eventIds: readonly string[]): Promise<Set<string>> {
    if (this.deps.inbox.recordMany) return this.deps.inbox.recordMany(manager, this.deps.consumer, eventIds);
    const recorded = new Set<string>();
    for (const id of eventIds) if (!recorded.has(id) && (await this.deps.inbox.record(manager, this.deps.consumer, id))) recorded.add(id);
    return recorded;
  }

  async process(message: IncomingMessage, control?: Pick<BatchControl, 'heartbeat' | 'shouldContinue'>): Promise<ProcessResult> {
    try {
      return await this.processUntilSettled(message, control);
    } finally {
      // Settled, interrupted, or a heartbeat failed (rebalance): this message no longer waits here.
      this.waits.abandon();
    }
  }

  private async processUntilSettled(message: IncomingMessage, control?: Pick<BatchControl, 'heartbeat' | 'shouldContinue'>): Promise<ProcessResult> {
    let event;
    let handler: EventHandlerFn | undefined;
    try {
      event = parseEvent(message.value);
      handler = this.deps.resolveHandler(event.type);
      // An event type this consumer does not act on moves the offset on without validation or inbox row.
      if (!handler) return this.report('ignored', message, undefined, event.type);
      const problems = await this.deps.validate?.(event);
      if (problems?.length) throw new EventValidationError(`schema validation failed: ${problems.join('; ')}`);
    } catch (error) {
      return this.deadLetter(message, describeError(error), 0, 'VALIDATION', control);
    }

    const traceparent = childTraceparent(message.headers[TRACEPARENT_HEADER]);
    const history: FailureHistory = { failedAttempts: 0, dependencyWaits: 0 };
    // The first try lets its steps presume (the inbox records the event as new without asking); once a
    // try failed, each asks the inbox first.
    let presume = true;
    for (let attempt = 1; ; attempt++) {
      let presumption: Presumptions | undefined;
      try {
        const isNew = await this.deps.transaction(async (manager) => {
          presumption = presume ? allowPresumptions(manager) : undefined;
          if (!(await this.deps.inbox.record(manager, this.deps.consumer, event.id))) return false;
          const finishing = new BeforeCommitWork();
          await handler!(event, { manager, message, traceparent, consumer: this.deps.consumer, attempt, beforeCommit: finishing.add });
          await finishing.run();
          return true;
        });
        this.waits.gotThrough();
        return this.report(isNew ? 'handled' : 'duplicate', message, undefined, event.type);
      } catch (error) {
        presume = false;
        // Handled before (a redelivery), or another presumed key taken: not a failure. The next try, at
        // once, asks.
        if (presumption?.explains(error)) {
          attempt -= 1;
          continue;
        }
        const decision = decideAfterFailure(error, history, this.policies, this.deps.random);
        if (decision.action === 'wait-for-dependency') {
          history.dependencyWaits += 1;
          this.waits.failed(decision.reason, message, decision.delayMs);
        } else {
          history.failedAttempts += 1;
          this.waits.gotThrough();
          if (decision.action === 'dead-letter') return this.deadLetter(message, decision.reason, attempt, 'PROCESSING', control);
        }
        if (!(await this.pause(decision.delayMs, control))) return 'interrupted';
      }
    }
  }

  private pause(ms: number, control?: Pick<BatchControl, 'heartbeat' | 'shouldContinue'>): Promise<boolean> {
    return pauseWithHeartbeats(ms, { sleep: this.sleep, signal: this.deps.signal, sliceMs: this.deps.heartbeatEveryMs ?? 1000, control });
  }

  private async deadLetter(
    message: IncomingMessage,
    reason: string,
    attempts: number,
    errorKind: DeadLetterCause['errorKind'],
    control?: Pick<BatchControl, 'heartbeat' | 'shouldContinue'>,
  ): Promise<ProcessResult> {
    const letter = toDeadLetter(message, { reason, errorKind, consumer: this.deps.consumer, attempts });
    for (let waits = 1; ; waits++) {
      try {
        await this.deps.producer.send([letter]);
        this.waits.gotThrough();
        return this.report('dead-lettered', message, reason);
      } catch (error) {
        // An unreachable broker is waited for like the database; any other send failure propagates, the
        // offset stays unresolved and the batch is redelivered.
        const failure = classifyFailure(error);
        if (failure.kind !== 'transient') throw error;
        const delayMs = backoffDelayMs(this.policies.dependency, waits, this.deps.random);
        this.waits.failed(failure.reason, message, delayMs);
        if (!(await this.pause(delayMs, control))) return 'interrupted';
      }
    }
  }

  private report(outcome: MessageOutcome, message: IncomingMessage, reason?: string, eventType?: string): MessageOutcome {
    this.deps.onOutcome?.(outcome, message, reason, eventType);
    return outcome;
  }
}
