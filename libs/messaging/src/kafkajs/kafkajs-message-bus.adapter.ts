import { Kafka, logLevel as KafkaLogLevel, Partitioners, type Admin, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import type {
  ConsumerRunOptions,
  ConsumerSubscription,
  IncomingMessage,
  MessageBus,
  MessageConsumer,
  MessageHeaders,
  MessageProducer,
  OutgoingMessage,
  PartitionOffsets,
} from '../ports/message-bus.port';
// Stops kafkajs's idle 1 ms request-queue timer in every client of this process (see the file).
import './request-queue-timer-fix';

export interface KafkajsBusOptions {
  brokers: string[];
  clientId: string;
  /** Default 30000 (the client's own default); tests may use less. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * Longest fetch long-poll; data is returned as soon as it arrives, so this only bounds how long
   * disconnect() waits for an idle fetch. Default 5000 (the client's); tests use less.
   */
  maxWaitTimeMs?: number;
  /** kafkajs log level; default WARN. */
  logLevel?: 'NOTHING' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
}

/** The only file that knows kafkajs (architecture.md §2.8). */
export class KafkajsMessageBus implements MessageBus {
  private readonly kafka: Kafka;

  constructor(private readonly options: KafkajsBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: KafkaLogLevel[options.logLevel ?? 'WARN'],
    });
  }

  async createProducer(): Promise<MessageProducer> {
    // Idempotent producer: broker-side dedup of client retries, acks=all, one request in flight so
    // retries cannot reorder a key's messages. The Java-compatible partitioner keeps key→partition
    // the same as other Kafka clients.
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return new KafkajsProducer(producer);
  }

  async createConsumer(subscription: ConsumerSubscription): Promise<MessageConsumer> {
    const consumer = this.kafka.consumer({
      groupId: subscription.groupId,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: this.options.heartbeatIntervalMs,
      maxWaitTimeInMs: this.options.maxWaitTimeMs,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: subscription.topics, fromBeginning: subscription.fromBeginning ?? true });
    return new KafkajsConsumer(consumer, subscription.commitOffsets ?? true);
  }

  async ensureTopics(topics: Array<{ topic: string; partitions?: number }>): Promise<void> {
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter(({ topic }) => !existing.has(topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(({ topic, partitions }) => ({ topic, numPartitions: partitions ?? 1 })),
      });
    });
  }

  async topicOffsets(topic: string): Promise<PartitionOffsets[]> {
    return this.withAdmin(async (admin) => {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map(({ partition, low, high }) => ({ partition, low, high }));
    });
  }

  async committedOffsets(groupId: string, topic: string): Promise<Array<{ partition: number; offset: string }>> {
    return this.withAdmin(async (admin) => {
      const [found] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (found?.partitions ?? []).map(({ partition, offset }) => ({ partition, offset }));
    });
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

class KafkajsProducer implements MessageProducer {
  constructor(private readonly producer: Producer) {}

  async send(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // One request for all topics; kafkajs keeps the given order within each partition.
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((message) => ({ key: message.key, value: message.value, headers: message.headers })),
      })),
    });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

/**
 * Offsets a group handled reach the broker at most this long after (lag metrics, the benchmark's waits,
 * what a restart redelivers and the inbox skips), and a consumer commits at most once per interval.
 */
const COMMIT_INTERVAL_MS = 250;

class KafkajsConsumer implements MessageConsumer {
  /** The commit of what stays uncommitted after a batch, due one interval after the last commit. */
  private trailingCommit?: { timer: NodeJS.Timeout; commit: () => Promise<void> };
  /** Set by disconnect: a batch ending now commits at once, before the client leaves the group. */
  private stopping = false;
  /**
   * The commit a batch's end started, while it is in flight. The batches of one fetch end together,
   * and the client marks the time of a commit only once it is acknowledged: each of them would find a
   * commit due and send one (an OffsetCommit per partition of the fetch). They share this one instead.
   */
  private commitInFlight?: Promise<void>;

  constructor(
    private readonly consumer: Consumer,
    private readonly commitOffsets: boolean,
  ) {}

  async run(onBatch: Parameters<MessageConsumer['run']>[0], options: ConsumerRunOptions = {}): Promise<void> {
    await this.consumer.run({
      partitionsConsumedConcurrently: options.concurrentPartitions ?? 1,
      // We resolve offsets ourselves, one by one after each message's transaction commits; only resolved
      // offsets are ever committed.
      eachBatchAutoResolve: false,
      // The client's own commits are off: it commits after every batch, and a fetch hands over a batch
      // per partition, so a commit request per fetch (about one per dossier per service at the journey's
      // load), which the consumer waits for before its next fetch. Resolved offsets are committed at most
      // once per COMMIT_INTERVAL_MS instead: along a long batch when the handler asks
      // (commitOffsetsIfNecessary follows the interval below whatever autoCommit says), and within an
      // interval after each batch ends (endOfBatch). A restart redelivers at most what was handled in the
      // last interval, which the inbox skips.
      autoCommit: false,
      autoCommitInterval: COMMIT_INTERVAL_MS,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, uncommittedOffsets, heartbeat, isRunning, isStale }) => {
        try {
          await onBatch(
            {
              topic: batch.topic,
              partition: batch.partition,
              messages: batch.messages.map(
                (message): IncomingMessage => ({
                  topic: batch.topic,
                  partition: batch.partition,
                  offset: message.offset,
                  key: message.key,
                  value: message.value,
                  headers: headersToStrings(message.headers),
                }),
              ),
            },
            {
              resolveOffset,
              commitOffsetsIfNecessary: () => (this.commitOffsets ? commitOffsetsIfNecessary() : Promise.resolve()),
              heartbeat,
              shouldContinue: () => isRunning() && !isStale(),
            },
          );
        } finally {
          // What the batch resolved counts even if it failed part-way: those messages were handled.
          if (this.commitOffsets) await this.endOfBatch(commitOffsetsIfNecessary, uncommittedOffsets);
        }
      },
    });
  }

  /**
   * After a batch: a commit now if the interval has passed, otherwise one armed for when it has (a single
   * timer, whichever batch armed it, which commits what is uncommitted when it fires). While disconnecting, everything at once: the client leaves the
   * group as soon as its batches end, and a commit after that would be refused.
   */
  private async endOfBatch(commitIfDue: (offsets?: ReturnType<UncommittedOffsets>) => Promise<void>, uncommittedOffsets: UncommittedOffsets): Promise<void> {
    const commitEverything = () => commitIfDue(uncommittedOffsets());
    try {
      if (this.stopping) return await commitEverything();
      this.commitInFlight ??= commitIfDue().finally(() => (this.commitInFlight = undefined));
      await this.commitInFlight;
      // An armed commit reads the offsets when it fires: nothing to look at until then.
      if (!this.trailingCommit && uncommittedOffsets().topics.length > 0) this.commitLater(commitEverything);
    } catch {
      // A rebalance under way: the offsets go with a later commit, or are redelivered and skipped by the inbox.
    }
  }

  /** Arms the trailing commit; every batch's commit functions act on the same group, so one will do. */
  private commitLater(commit: () => Promise<void>): void {
    const timer = setTimeout(() => {
      const due = this.trailingCommit;
      this.trailingCommit = undefined;
      // A failure (a rebalance under way) leaves the offsets to the next commit or to redelivery.
      void due?.commit().catch(() => undefined);
    }, COMMIT_INTERVAL_MS);
    this.trailingCommit = { timer, commit };
  }

  async disconnect(): Promise<void> {
    // What finished batches left uncommitted goes now; a batch still running commits as it ends.
    this.stopping = true;
    const due = this.trailingCommit;
    this.trailingCommit = undefined;
    if (due) {
      clearTimeout(due.timer);
      await due.commit().catch(() => undefined);
    }
    await this.consumer.disconnect();
  }
}

type UncommittedOffsets = () => { topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }> };

function headersToStrings(headers: IHeaders | undefined): MessageHeaders {
  const result: MessageHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const single = Array.isArray(value) ? value[value.length - 1] : value;
    result[name] = Buffer.isBuffer(single) ? single.toString('utf8') : String(single);
  }
  return result;
}
