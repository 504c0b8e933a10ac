import { buildEvent, topicFor, type EventDataMap, type EventTypeName } from '@bcci/contracts';
import type { OutboxEntry, OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import type { DigitizationDecision } from '../domain/dossier-digitization.rules';
import type { DossierDigitizationState } from '../domain/dossier-digitization';
import type { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';

export { documentRef } from '../domain/document-ref';

/** An event a rule decided, in its envelope: the dossier's chain (its registration's correlation id), dated now. */
export function digitizationOutboxEntry<T extends EventTypeName>(event: { type: T; data: EventDataMap[T] }, correlationId: string | undefined, at: Date): OutboxEntry {
  const built = buildEvent({ type: event.type, data: event.data, correlationId, time: at });
  return { topic: topicFor(built.type), event: built as OutboxEntry['event'] };
}

/**
 * Writes a decision in the caller's transaction (the one holding the dossier's lock, and the inbox
 * record when an event caused it): the new state and its events in the outbox, together or not at all.
 * A decision that changed nothing writes nothing. Answers whether anything changed.
 */
export async function writeDigitizationDecision(
  manager: EntityManager,
  deps: { readonly dossiers: DossierDigitizationRepository; readonly outbox: OutboxWriter },
  before: DossierDigitizationState,
  decision: DigitizationDecision,
  now: Date,
): Promise<boolean> {
  if (decision.state === before) return false;
  await deps.dossiers.save(manager, decision.state, before);
  if (decision.events.length > 0) {
    await deps.outbox.append(
      manager,
      decision.events.map((event) => digitizationOutboxEntry(event, decision.state.correlationId, now)),
    );
  }
  return true;
}
