import { parseEvent } from '../envelope/build-event';
import { childTraceparent, TRACEPARENT_HEADER } from '../envelope/trace-context';
import { toDeadLetter, type DeadLetterCause } from '../dead-letter/dead-letter-headers';
import type { BatchControl, IncomingBatch, IncomingMessage, MessageProducer } from '../ports/message-bus.port';
import { decideAfterFailure, describeError, EventValidationError } from './failure-decision';
import type { EventValidator, HandlerResolver, InboxPort, TransactionRunner } from './event-handler';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export type MessageOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

export interface MessageProcessorDeps {
  /** Inbox consumer name: one per logical consumer, stable across releases. */
  consumer: string;
  resolveHandler: HandlerResolver;
  transaction: TransactionRunner;
  inbox: InboxPort;
  /** Sends dead letters. */
  producer: MessageProducer;
  validate?: EventValidator;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onOutcome?: (outcome: MessageOutcome, message: IncomingMessage, reason?: string) => void;
}

/**
 * The consumer's per-message rules, independent of any Kafka client:
 * handler + inbox row in one transaction; bounded retries with backoff; then a dead letter with the
 * reason, so the partition keeps flowing. An offset is resolved only after its message's outcome is
 * durable (transaction committed or dead letter acknowledged).
 */
export class MessageProcessor {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: MessageProcessorDeps) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async processBatch(batch: IncomingBatch, control: BatchControl): Promise<void> {
    for (const message of batch.messages) {
      // On rebalance or shutdown, stop: unresolved messages are redelivered to whoever owns the partition.
      if (!control.shouldContinue()) return;
      await this.process(message, control);
      control.resolveOffset(message.offset);
      await control.commitOffsetsIfNecessary();
      await control.heartbeat();
    }
  }

  async process(message: IncomingMessage, control?: Pick<BatchControl, 'heartbeat'>): Promise<MessageOutcome> {
    let event;
    try {
      event = parseEvent(message.value);
      const problems = await this.deps.validate?.(event);
      if (problems?.length) throw new EventValidationError(`schema validation failed: ${problems.join('; ')}`);
    } catch (error) {
      return this.deadLetter(message, describeError(error), 0, 'VALIDATION');
    }
    const handler = this.deps.resolveHandler(event.type);
    if (!handler) return this.report('ignored', message);

    const traceparent = childTraceparent(message.headers[TRACEPARENT_HEADER]);
    for (let attempt = 1; ; attempt++) {
      try {
        const isNew = await this.deps.transaction(async (manager) => {
          if (!(await this.deps.inbox.record(manager, this.deps.consumer, event.id))) return false;
          await handler(event, { manager, message, traceparent, consumer: this.deps.consumer, attempt });
          return true;
        });
        return this.report(isNew ? 'handled' : 'duplicate', message);
      } catch (error) {
        const decision = decideAfterFailure(error, attempt, this.policy, this.deps.random);
        if (decision.action === 'dead-letter') return this.deadLetter(message, decision.reason, attempt, 'PROCESSING');
        await control?.heartbeat();
        await this.sleep(decision.delayMs);
      }
    }
  }

  private async deadLetter(message: IncomingMessage, reason: string, attempts: number, errorKind: DeadLetterCause['errorKind']): Promise<MessageOutcome> {
    // If this send fails, the error propagates, the offset stays unresolved and the batch is redelivered.
    await this.deps.producer.send([toDeadLetter(message, { reason, errorKind, consumer: this.deps.consumer, attempts })]);
    return this.report('dead-lettered', message, reason);
  }

  private report(outcome: MessageOutcome, message: IncomingMessage, reason?: string): MessageOutcome {
    this.deps.onOutcome?.(outcome, message, reason);
    return outcome;
  }
}
