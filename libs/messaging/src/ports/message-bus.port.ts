/**
 * The one port between this library and a Kafka client (architecture.md §2.8). Everything else in
 * @bcci/messaging speaks these types, so replacing kafkajs means writing one adapter.
 */

export type MessageHeaders = Record<string, string>;

export interface OutgoingMessage {
  topic: string;
  /** Partitioning key; the dossier id for domain events. */
  key: string | null;
  value: string | Buffer;
  headers: MessageHeaders;
}

export interface MessageProducer {
  /**
   * Sends messages and resolves once every one of them is acknowledged by all in-sync replicas
   * (acks=all) by an idempotent producer. Messages with the same topic and key keep their order.
   */
  send(messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: MessageHeaders;
}

export interface IncomingBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
}

/** What a batch handler can do with the consumer while it works through a batch. */
export interface BatchControl {
  /** Marks `offset` as done; only done offsets are ever committed. */
  resolveOffset(offset: string): void;
  /**
   * Commits the resolved offsets if the client's commit interval has passed since its last commit, for a
   * long batch to commit along the way. Whatever a batch resolved is committed anyway within one interval
   * after the batch ends, and before the consumer leaves its group on disconnect.
   */
  commitOffsetsIfNecessary(): Promise<void>;
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or the partition was revoked: stop early. */
  shouldContinue(): boolean;
}

export interface ConsumerSubscription {
  groupId: string;
  topics: string[];
  /** Where a group without committed offsets starts; default true (the earliest offset). */
  fromBeginning?: boolean;
  /**
   * Default true. False for a throwaway group that always starts at the end (a live feed): nothing is
   * ever read back, so committing offsets would only cost a request per batch.
   */
  commitOffsets?: boolean;
}

export interface ConsumerRunOptions {
  /**
   * How many partitions' batches of one fetch are handed to `onBatch` at the same time (default 1: one
   * after the other). Each partition still gets its next batch only after `onBatch` settled its last.
   */
  concurrentPartitions?: number;
}

export interface MessageConsumer {
  /**
   * Starts consuming; resolves once running. A batch handler that throws makes the client re-deliver
   * from the last resolved offset.
   */
  run(onBatch: (batch: IncomingBatch, control: BatchControl) => Promise<void>, options?: ConsumerRunOptions): Promise<void>;
  /** Stops fetching, lets the current batch finish, commits resolved offsets, leaves the group. */
  disconnect(): Promise<void>;
}

export interface MessageBus {
  createProducer(): Promise<MessageProducer>;
  createConsumer(subscription: ConsumerSubscription): Promise<MessageConsumer>;
  /** Creates missing topics (the stack creates them from contracts/; tests need it too). */
  ensureTopics(topics: Array<{ topic: string; partitions?: number }>): Promise<void>;
  /** Per partition: first offset and high watermark (next offset to be written). */
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
  /** Per partition: the group's committed offset (next to consume), '-1' when none. */
  committedOffsets(groupId: string, topic: string): Promise<Array<{ partition: number; offset: string }>>;
}

export interface PartitionOffsets {
  partition: number;
  low: string;
  high: string;
}
