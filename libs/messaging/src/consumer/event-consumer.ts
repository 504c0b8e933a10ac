import type { DataSource } from 'typeorm';
import { Inbox } from '../inbox/inbox';
import type { MessageBus, MessageConsumer, MessageProducer } from '../ports/message-bus.port';
import type { EventValidator, HandlerResolver, InboxPort, TransactionRunner } from './event-handler';
import { MessageProcessor, type MessageOutcome } from './message-processor';
import type { IncomingMessage } from '../ports/message-bus.port';
import type { RetryPolicy } from './retry-policy';

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
  /** Start of a group without committed offsets; default the beginning of each topic. */
  fromBeginning?: boolean;
  onOutcome?: (outcome: MessageOutcome, message: IncomingMessage, reason?: string) => void;
  /** Replaceable for tests of the wiring; defaults to the inbox table. */
  inbox?: InboxPort;
}

/**
 * A running consumer of one group: batches from the bus, each message through MessageProcessor.
 * Offsets are only resolved after the message's transaction committed, and the client commits only
 * resolved offsets, so a crash re-delivers at most what was not yet committed; the inbox absorbs it.
 */
export class EventConsumer {
  private consumer?: MessageConsumer;
  private producer?: MessageProducer;

  constructor(private readonly options: EventConsumerOptions) {}

  async start(): Promise<void> {
    const { bus, dataSource } = this.options;
    this.producer = await bus.createProducer();
    const transaction: TransactionRunner = (work) => dataSource.transaction(work);
    const processor = new MessageProcessor({
      consumer: this.options.name,
      resolveHandler: this.options.resolveHandler,
      transaction,
      inbox: this.options.inbox ?? Inbox,
      producer: this.producer,
      validate: this.options.validate,
      retry: this.options.retry,
      onOutcome: this.options.onOutcome,
    });
    this.consumer = await bus.createConsumer({
      groupId: this.options.groupId ?? this.options.name,
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run((batch, control) => processor.processBatch(batch, control));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = undefined;
    this.producer = undefined;
  }
}

