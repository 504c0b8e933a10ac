import type { SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { RecordedEntry } from './recorded-entry';

/**
 * How an entry reaches a projection:
 * - `live`: the event was just recorded, in the consumer's (inbox) transaction;
 * - `replay`: a rebuild is streaming the whole timeline in recording order after `reset`.
 */
export type ProjectionMode = 'live' | 'replay';

/** Loads a dossier's timeline entries in sequence order. */
export type DossierHistory = () => Promise<RecordedEntry[]>;

/**
 * Where a projection sends its writes that need no answer: run at once, or held and sent as one
 * statement with the other projections' writes for the same event (live recording).
 */
export interface ProjectionWrites {
  write(statement: SqlStatement): Promise<void>;
}

/**
 * A read model derived only from the timeline. Live, every newly recorded entry is applied in the
 * transaction that recorded it (a redelivered event is never recorded twice, so never applied twice).
 * A rebuild resets the projection and replays every entry in recording order: the result must equal
 * what live application produced, whatever order the events first arrived in.
 */
export interface TimelineProjection {
  /** Names the projection in logs and in `rebuild-projections --only`. */
  readonly name: string;
  /**
   * `history`, live only: the dossier's whole timeline (this entry included), read at most once per
   * recorded event however many projections ask for it. `writes`, live only: where writes that need no
   * answer go (default: run at once).
   */
  apply(entry: RecordedEntry, manager: EntityManager, mode: ProjectionMode, history?: DossierHistory, writes?: ProjectionWrites): Promise<void>;
  /** Empties the projection's tables before a replay. */
  reset(manager: EntityManager): Promise<void>;
  /** Called once after the last replayed entry (e.g. to flush work batched during the replay). */
  finishReplay?(manager: EntityManager): Promise<void>;
}
