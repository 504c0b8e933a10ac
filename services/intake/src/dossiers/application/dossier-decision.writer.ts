import { outboxEntryFor, type OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import type { DossierDecision, DossierProgress } from '../domain/dossier-progress';
import type { DossierRepository } from '../persistence/dossier.repository';

/**
 * Writes a decision in the caller's transaction (the one holding the dossier's lock, and the inbox record
 * when an event caused it): the new progress and the events in the outbox, together or not at all. A
 * decision that changed nothing writes nothing. Answers whether anything changed.
 */
export async function writeDossierDecision(
  manager: EntityManager,
  deps: { readonly dossiers: DossierRepository; readonly outbox: OutboxWriter },
  before: DossierProgress,
  decision: DossierDecision,
  context: { readonly now: Date; readonly traceparent?: string },
): Promise<boolean> {
  if (decision.state === before) return false;
  await deps.dossiers.saveProgress(manager, decision.state);
  await appendDecisionEvents(manager, deps.outbox, decision, context);
  return true;
}

/** The decision's events in the outbox, in the caller's transaction (the one that saves its state). */
export async function appendDecisionEvents(
  manager: EntityManager,
  outbox: OutboxWriter,
  decision: DossierDecision,
  context: { readonly now: Date; readonly traceparent?: string },
): Promise<void> {
  for (const { type, data } of decision.events) {
    await outbox.append(manager, outboxEntryFor(type, data, { traceparent: context.traceparent }, context.now, decision.state.receivingChannel));
  }
}
