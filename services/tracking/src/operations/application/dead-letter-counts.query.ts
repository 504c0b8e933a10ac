import { TOPICS } from '@bcci/contracts';
import type { MessageBus } from '@bcci/messaging';

export interface DeadLetterCount {
  /** The dead-letter topic (`<topic>.dlq`) and the stream its messages came from. */
  readonly topic: string;
  readonly originalTopic: string;
  /** Dead letters on the topic now (within its retention): what `npm run dlq:replay` would republish. */
  readonly count: number;
}

export interface DeadLetterSummary {
  /** False while the broker cannot be asked: the counts are then unknown, not zero. */
  readonly available: boolean;
  readonly total: number;
  readonly topics: readonly DeadLetterCount[];
}

/** The dashboard polls every few seconds; the broker is asked at most this often. */
const REFRESH_MS = 10_000;

/**
 * Dead letters per declared dead-letter topic, from the broker's offsets (high watermark − first
 * offset), so operations see at once that an event needs a person (issue 9): a dead letter is a message
 * that failed for a reason of its own, never one that only waited for PostgreSQL or the broker.
 */
export class DeadLetterCountsQuery {
  private cached?: { at: number; summary: DeadLetterSummary };

  constructor(
    private readonly bus: Pick<MessageBus, 'topicOffsets'>,
    private readonly now: () => number = Date.now,
  ) {}

  async execute(): Promise<DeadLetterSummary> {
    if (this.cached && this.now() - this.cached.at < REFRESH_MS) return this.cached.summary;
    const summary = await this.ask().catch((): DeadLetterSummary => ({ available: false, total: 0, topics: [] }));
    this.cached = { at: this.now(), summary };
    return summary;
  }

  private async ask(): Promise<DeadLetterSummary> {
    const topics = await Promise.all(
      TOPICS.map(async (declared) => {
        const offsets = await this.bus.topicOffsets(declared.deadLetter.name).catch(noTopicYet);
        const count = offsets.reduce((sum, { low, high }) => sum + Math.max(0, Number(high) - Number(low)), 0);
        return { topic: declared.deadLetter.name, originalTopic: declared.name, count };
      }),
    );
    return { available: true, total: topics.reduce((sum, t) => sum + t.count, 0), topics: topics.filter((t) => t.count > 0) };
  }
}

/** A dead-letter topic nobody created yet (a broker that auto-creates on first use) holds no dead letter. */
function noTopicYet(error: unknown): Array<{ low: string; high: string }> {
  if ((error as { type?: unknown }).type === 'UNKNOWN_TOPIC_OR_PARTITION') return [];
  throw error;
}
