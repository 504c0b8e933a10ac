import type { SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { RecordedEntry } from './recorded-entry';

/**
 * Where a projection sends its writes that need no answer: run at once (a replay), or held and sent as
 * one statement with the other projections' writes for the same consumer run (live recording).
 */
export interface ProjectionWrites {
  write(statement: SqlStatement): Promise<void>;
}

/** One dossier's part of a consumer run, live: the entries just appended and its whole timeline with them. */
export interface LiveDossier {
  readonly dossierId: string;
  /** In sequence order. */
  readonly appended: readonly RecordedEntry[];
  /** Every entry of the dossier, these included, in sequence order. */
  readonly history: readonly RecordedEntry[];
}

/**
 * A read model derived only from the timeline. Live, the entries a consumer run recorded are applied in
 * the transaction that recorded them (a redelivered event is never recorded twice, so never applied
 * twice). A rebuild resets the projection and replays every entry in recording order: the result must
 * equal what live application produced, whatever order the events first arrived in and however they
 * were grouped into runs.
 */
export interface TimelineProjection {
  /** Names the projection in logs and in `rebuild-projections --only`. */
  readonly name: string;
  /** Live: the dossiers of one consumer run, in dossier id order. Writes that need no answer go to `writes`. */
  applyLive(dossiers: readonly LiveDossier[], manager: EntityManager, writes: ProjectionWrites): Promise<void>;
  /** Replay: one entry, in recording order, after `reset`. */
  replay(entry: RecordedEntry, manager: EntityManager): Promise<void>;
  /** Empties the projection's tables before a replay. */
  reset(manager: EntityManager): Promise<void>;
  /** Called once after the last replayed entry (e.g. to flush work batched during the replay). */
  finishReplay?(manager: EntityManager): Promise<void>;
}
