import type { OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import { recordDispatch } from '../domain/dossier-progress.rules';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { Clock } from './clock';
import { writeDossierDecision } from './dossier-decision.writer';

/**
 * Forwarding's courier scanned the sealed item out of the postal point (rule: recordDispatch in
 * domain/dossier-progress.rules.ts). Runs in the consumer's transaction, next to its inbox row, under
 * the dossier's lock: a withdrawal at the counter at the same moment comes before it or sees it.
 * A dossier this intake does not know changes nothing. Answers whether the scan was recorded.
 */
export class RecordDispatchUseCase {
  constructor(private readonly deps: { dossiers: DossierRepository; outbox: OutboxWriter; clock: Clock }) {}

  async execute(manager: EntityManager, dossierId: string, scannedAt: Date): Promise<boolean> {
    const dossier = await this.deps.dossiers.findByIdForUpdate(manager, dossierId);
    if (!dossier) return false;
    return writeDossierDecision(manager, this.deps, dossier, recordDispatch(dossier, { scannedAt }), { now: this.deps.clock.now() });
  }
}
