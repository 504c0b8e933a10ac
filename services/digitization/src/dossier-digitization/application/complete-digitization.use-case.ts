import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import { completeDigitization } from '../domain/dossier-digitization.rules';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { CLOCK, type Clock } from './clock';
import { writeDigitizationDecision } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';

/**
 * Completeness check against the checklist (rule: completeDigitization): complete → dossier-digitized
 * with per-component flags; otherwise 422 listing what is missing, and nothing written. Under the
 * dossier's lock, so a withdrawal or a second completion at the same moment sees this one.
 */
@Injectable()
export class CompleteDigitizationUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; dossierId: string }): Promise<DigitizationView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      const now = this.clock.now();
      const decision = completeDigitization(dossier, { actor: staffActorOf(command.actor) }, { now });
      await writeDigitizationDecision(manager, { dossiers: this.dossiers, outbox: this.outbox }, dossier, decision, now);
      return digitizationView(decision.state);
    });
  }
}
