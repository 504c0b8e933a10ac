import type { DataSource } from 'typeorm';
import { Inbox } from '../inbox/inbox';
import type { MessageBus, MessageConsumer, MessageProducer } from '../ports/message-bus.port';
import type { EventValidator, HandlerResolver, InboxPort, TransactionRunner } from './event-handler';
import { MessageProcessor, type MessageOutcome } from './message-processor';
import { runFetchByFetch } from './fetch-by-fetch';
import type { IncomingMessage } from '../ports/message-bus.port';
import type { Backoff, RetryPolicy } from './retry-policy';
import type { DependencyWaitListener, DependencyWaitState } from './dependency-wait';

export interface EventConsumerOptions {
  /** Inbox consumer name, and the consumer group id unless groupId is given. */
  name: string;
  groupId?: string;
  topics: string[];
  bus: MessageBus;
  dataSource: DataSource;
  resolveHandler: HandlerResolver;
  validate?: EventValidator;
  retry?: Partial<RetryPolicy>;
  /** Backoff while a dependency is down (default 200 ms doubling to 10 s); such waits have no attempt limit. */
  dependencyBackoff?: Partial<Backoff>;
  /** Start of an outage, each retry during it, its end: for logs, metrics and readiness. */
  onDependencyWait?: DependencyWaitListener;
  /** Start of a group without committed offsets; default the beginning of each topic. */
  fromBeginning?: boolean;
  onOutcome?: (outcome: MessageOutcome, message: IncomingMessage, reason?: string, eventType?: string) => void;
  /** Replaceable for tests of the wiring; defaults to the inbox table. */
  inbox?: InboxPort;
  /**
   * After handling what a fetch brought, wait this long before the next fetch (default FETCH_LINGER_MS),
   * unless it brought a full run: what arrives meanwhile comes in one fetch and one run.
   */
  fetchLingerMs?: number;
}

/** See EventConsumerOptions.fetchLingerMs. */
export const FETCH_LINGER_MS = 25;
/** A fetch that brought this many messages or more is followed by the next one at once: more is waiting. */
const FULL_FETCH = 50;

/**
 * A running consumer of one group: batches from the bus, each message through MessageProcessor.
 * Offsets are only resolved after the message's transaction committed, and the client commits only
 * resolved offsets, so a crash re-delivers at most what was not yet committed; the inbox absorbs it.
 * While a dependency is down the current message waits (its partition with it) until it comes back.
 */
export class EventConsumer {
  private consumer?: MessageConsumer;
  private producer?: MessageProducer;
  private processor?: MessageProcessor;
  private stopping?: AbortController;

  constructor(private readonly options: EventConsumerOptions) {}

  async start(): Promise<void> {
    const { bus, dataSource } = this.options;
    this.producer = await bus.createProducer();
    const transaction: TransactionRunner = (work) => dataSource.transaction(work);
    this.stopping = new AbortController();
    const processor = (this.processor = new MessageProcessor({
      consumer: this.options.name,
      resolveHandler: this.options.resolveHandler,
      transaction,
      inbox: this.options.inbox ?? Inbox,
      producer: this.producer,
      validate: this.options.validate,
      retry: this.options.retry,
      dependencyBackoff: this.options.dependencyBackoff,
      onDependencyWait: this.options.onDependencyWait,
      signal: this.stopping.signal,
      onOutcome: this.options.onOutcome,
    }));
    this.consumer = await bus.createConsumer({
      groupId: this.options.groupId ?? this.options.name,
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    // Every partition of a fetch at once, gathered into one stream of runs; lingering after a fetch lets
    // the events of several producers' commits arrive in between, for one fetch and one transaction.
    await runFetchByFetch(this.consumer, (deliveries) => processor.processBatches(deliveries), {
      lingerMs: this.options.fetchLingerMs ?? FETCH_LINGER_MS,
      fullAt: FULL_FETCH,
      signal: this.stopping.signal,
    });
  }

  /** Set while the consumer holds a message because a dependency is down; readiness reports it. */
  get waitingOnDependency(): DependencyWaitState | undefined {
    return this.processor?.waitingOnDependency;
  }

  async stop(): Promise<void> {
    // The client's disconnect waits for the running batch; a batch waiting out an outage would hold it
    // for as long as the outage lasts, so end the wait first (the message stays uncommitted).
    this.stopping?.abort();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = undefined;
    this.producer = undefined;
  }
}

