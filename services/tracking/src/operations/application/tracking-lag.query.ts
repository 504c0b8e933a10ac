import type { EntityManager } from 'typeorm';
import { TimelineRepository } from '../../timeline/persistence/timeline.repository';

export interface TrackingLag {
  /** False while the broker cannot be asked: `messagesBehind` is then unknown, not zero. */
  readonly brokerAvailable: boolean;
  /** Events on the dossier streams tracking has not recorded yet (its consumer group's lag). */
  readonly messagesBehind: number;
  /** Seconds from an event's time to its recording, over what was recorded in the last minute. */
  readonly recentSeconds: { readonly entries: number; readonly p50: number | null; readonly p99: number | null; readonly max: number | null };
}

/** What tracking's consumer reports of its own position (service-kit's MessagingLifecycle). */
export interface ConsumerPosition {
  consumerLag(): Promise<Array<{ topic: string; messagesBehind: number }>>;
}

const WINDOW_SECONDS = 60;
/** The newest entries looked at: enough for a minute at hundreds of events a second, cheap by position. */
const SAMPLE = 5_000;

/**
 * How far behind the events tracking is, for the operations dashboard (issue 11): the figures there are
 * only as current as this. Two views, since each alone can mislead: messages not yet consumed (a stalled
 * consumer records nothing, so it has no recent lag to show), and the lag of what it recorded lately.
 */
export class TrackingLagQuery {
  private readonly timeline = new TimelineRepository();

  constructor(
    private readonly consumer: ConsumerPosition,
    private readonly now: () => Date,
  ) {}

  async execute(manager: EntityManager): Promise<TrackingLag> {
    const [behind, recentSeconds] = await Promise.all([
      this.consumer.consumerLag().then(
        (topics) => ({ available: true, messages: topics.reduce((sum, t) => sum + t.messagesBehind, 0) }),
        () => ({ available: false, messages: 0 }),
      ),
      this.timeline.recentRecordingLag(manager, this.now(), WINDOW_SECONDS, SAMPLE),
    ]);
    return { brokerAvailable: behind.available, messagesBehind: behind.messages, recentSeconds };
  }
}
