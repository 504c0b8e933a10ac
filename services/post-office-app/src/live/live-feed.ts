import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { TOPICS } from '@bcci/contracts';
import { KafkajsMessageBus, parseEvent, runFetchByFetch, type MessageConsumer } from '@bcci/messaging';
import type { LiveHub } from './live-hub';

/** Longest a live notice waits, under load, before the screens get it. */
const LIVE_NOTICE_DELAY_MS = 250;

/** The dossier-event topics whose changes the post-office screens show. */
export function liveTopics(): string[] {
  return TOPICS.filter((topic) => topic.consumers.includes('post-office-app')).map((topic) => topic.name);
}

/**
 * Reads the dossier events as they happen and hands them to the hub. Every instance of the app has its
 * own consumer group starting at the end of each topic: each instance must see every event (its own
 * browsers are connected to it), and a notice about the past is of no use to a screen that reads its
 * queues when it opens. Nothing is stored, so there is nothing to deduplicate.
 */
export class LiveFeed {
  private consumer?: MessageConsumer;
  private readonly stopping = new AbortController();

  constructor(
    private readonly brokers: string[],
    private readonly hub: LiveHub,
    private readonly warn: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    const bus = new KafkajsMessageBus({ clientId: 'post-office-app-live', brokers: this.brokers, logLevel: 'ERROR' });
    const groupId = `post-office-app-live.${hostname()}.${process.pid}.${randomUUID().slice(0, 8)}`;
    // The group is thrown away with the process and always starts at the end: no offsets to commit.
    const consumer = await bus.createConsumer({ groupId, topics: liveTopics(), fromBeginning: false, commitOffsets: false });
    this.consumer = consumer;
    // A screen can learn of a change a quarter of a second late: after a fetch that brought events the
    // feed waits that long, so under load one fetch brings many events instead of one each. An idle feed
    // costs one fetch waiting on the broker, answered as soon as the next event arrives (it used to
    // fetch four times a second for nothing).
    await runFetchByFetch(
      consumer,
      async (deliveries) => {
        for (const { batch, control } of deliveries) {
          for (const message of batch.messages) {
            try {
              const event = parseEvent(message.value);
              this.hub.publish({ type: event.type, subject: event.subject, data: (event.data ?? {}) as Record<string, unknown> });
            } catch (error) {
              // A message the screens cannot read is skipped: the services' own consumers dead-letter it.
              this.warn(`live notices: skipped ${batch.topic}[${batch.partition}]@${message.offset}: ${(error as Error).message}`);
            }
            control.resolveOffset(message.offset);
          }
        }
      },
      { lingerMs: LIVE_NOTICE_DELAY_MS, signal: this.stopping.signal },
    );
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
