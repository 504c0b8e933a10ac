import type { Stage } from '../domain/stage';
import type { TimelineEvent } from '../domain/timeline-event';

/** A timeline entry as projections and readers see it (instants as ISO strings). */
export interface RecordedEntry {
  /** Global recording order (bigint as a decimal string). */
  readonly position: string;
  readonly dossierId: string;
  readonly sequence: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly eventTime: string;
  readonly recordedAt: string;
  readonly stage: Stage;
  readonly postalCode: string | null;
  readonly actorRole: string | null;
  readonly nationalStatus: number | null;
  /** The whole CloudEvents envelope as consumed. */
  readonly event: TimelineEvent;
  readonly previousHash: string;
  readonly hash: string;
}
