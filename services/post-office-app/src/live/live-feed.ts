import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { TOPICS } from '@bcci/contracts';
import { KafkajsMessageBus, parseEvent, type MessageConsumer } from '@bcci/messaging';
import type { LiveHub } from './live-hub';

/** Longest a live notice waits on the broker before the screens get it. */
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

  constructor(
    private readonly brokers: string[],
    private readonly hub: LiveHub,
    private readonly warn: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    const bus = new KafkajsMessageBus({ clientId: 'post-office-app-live', brokers: this.brokers, logLevel: 'ERROR', maxWaitTimeMs: LIVE_NOTICE_DELAY_MS });
    const groupId = `post-office-app-live.${hostname()}.${process.pid}.${randomUUID().slice(0, 8)}`;
    // A screen can learn of a change a quarter of a second late: the broker holds each fetch that long
    // (or until a megabyte is there), so under load one fetch brings many events instead of one each.
    // The group is thrown away with the process and always starts at the end: no offsets to commit.
    this.consumer = await bus.createConsumer({ groupId, topics: liveTopics(), fromBeginning: false, minBytes: 1024 * 1024, commitOffsets: false });
    await this.consumer.run(async (batch, control) => {
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
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
