import type { OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import { recordDossierCode } from '../domain/dossier-progress.rules';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { Clock } from './clock';
import { writeDossierDecision } from './dossier-decision.writer';

/**
 * The agency's one-stop system issued the dossier code (rule: recordDossierCode in
 * domain/dossier-progress.rules.ts). Runs in the consumer's transaction, under the dossier's lock.
 * Answers whether the code was recorded (false for an unknown dossier or a code already kept).
 */
export class RecordDossierCodeUseCase {
  constructor(private readonly deps: { dossiers: DossierRepository; outbox: OutboxWriter; clock: Clock }) {}

  async execute(manager: EntityManager, dossierId: string, dossierCode: string): Promise<boolean> {
    const dossier = await this.deps.dossiers.findByIdForUpdate(manager, dossierId);
    if (!dossier) return false;
    return writeDossierDecision(manager, this.deps, dossier, recordDossierCode(dossier, { dossierCode }), { now: this.deps.clock.now() });
  }
}
