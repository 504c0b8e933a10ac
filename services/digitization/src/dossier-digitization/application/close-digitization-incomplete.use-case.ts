import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import { closeDigitizationIncomplete } from '../domain/dossier-digitization.rules';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { CLOCK, type Clock } from './clock';
import { writeDigitizationDecision } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';

/** The operator closes the digitization as incomplete with a reason (rule: closeDigitizationIncomplete) → dossier-digitization-incomplete. */
@Injectable()
export class CloseDigitizationIncompleteUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { actor: Actor; dossierId: string; reason: string }): Promise<DigitizationView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      const now = this.clock.now();
      const decision = closeDigitizationIncomplete(dossier, { reason: command.reason, actor: staffActorOf(command.actor) }, { now });
      await writeDigitizationDecision(manager, { dossiers: this.dossiers, outbox: this.outbox }, dossier, decision, now);
      return digitizationView(decision.state);
    });
  }
}
