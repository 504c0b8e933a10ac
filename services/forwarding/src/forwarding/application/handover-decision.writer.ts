import { outboxEntryFor, OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import type { HandoverDecision } from '../domain/handover-record';
import type { HandoverRecordRepository } from '../persistence/handover-record.repository';

export interface DecisionContext {
  readonly now: Date;
  /** Id of the request or event that brought the last signature. */
  readonly causationId: string;
  readonly traceparent?: string;
  /** Each dossier's chain id (its registration's), carried by every event about it. */
  readonly correlationIds: ReadonlyMap<string, string>;
}

/**
 * Writes a handover decision in the caller's transaction: the record's new state, its filed legs and
 * remittance, and its events in the outbox, so they commit together or not at all.
 */
export async function writeHandoverDecision(
  manager: EntityManager,
  records: HandoverRecordRepository,
  outbox: OutboxWriter,
  decision: HandoverDecision,
  context: DecisionContext,
): Promise<void> {
  await records.saveDecision(manager, decision);
  if (decision.events.length === 0) return;
  await outbox.append(
    manager,
    decision.events.map((event) =>
      outboxEntryFor(
        event.type,
        event.data,
        { correlationId: context.correlationIds.get(event.data.dossierId)!, causationId: context.causationId, traceparent: context.traceparent },
        context.now,
      ),
    ),
  );
}
