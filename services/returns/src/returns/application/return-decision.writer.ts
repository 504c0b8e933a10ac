import { type Causation, outboxEntryFor, type OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import type { ReturnDecision, ReturnState } from '../domain/return';
import type { ReturnRepository } from '../persistence/return.repository';

export interface ReturnDecisionWriter {
  readonly returns: ReturnRepository;
  readonly outbox: OutboxWriter;
}

/**
 * Writes a decision in the caller's transaction (the one holding the return's lock, and the inbox record
 * when an event caused it): the new state, the step's record, and the events in the outbox, so they
 * commit together or not at all. A decision that changed nothing leaves the row as it is.
 */
export async function writeReturnDecision(
  manager: EntityManager,
  writer: ReturnDecisionWriter,
  before: ReturnState | null,
  decision: ReturnDecision,
  causation: Causation,
  now: Date,
): Promise<void> {
  if (decision.state !== before) await writer.returns.save(manager, decision.state, now, before);
  if (decision.record) await writer.returns.insertRecord(manager, decision.record);
  if (decision.events.length > 0) {
    await writer.outbox.append(
      manager,
      decision.events.map((event) => outboxEntryFor(event.type, event.data, causation, now)),
    );
  }
}
