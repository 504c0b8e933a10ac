import { outboxEntryFor, type OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import type { DigitizationDecision } from '../domain/dossier-digitization.rules';
import type { DossierDigitizationState } from '../domain/dossier-digitization';
import type { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';

export { documentRef } from '../domain/document-ref';

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
      decision.events.map((event) => outboxEntryFor(event.type, event.data, { correlationId: decision.state.correlationId }, now)),
    );
  }
  return true;
}
