import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { DataSource } from 'typeorm';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { dossierDigitizationIncomplete } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';
import { systemClock } from '@bcci/kernel';

/** The operator closes the digitization as incomplete with a reason → dossier-digitization-incomplete. */
@Injectable()
export class CloseDigitizationIncompleteUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
  ) {}

  async execute(command: { actor: Actor; dossierId: string; reason: string }): Promise<DigitizationView> {
    return this.dataSource.transaction(async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      const now = systemClock.now();
      const result = dossier.closeIncomplete(command.reason, now);
      await this.dossiers.save(manager, dossier);
      await new OutboxWriter().append(
        manager,
        dossierDigitizationIncomplete(dossier, result, command.reason, staffActorOf(command.actor), now),
      );
      return digitizationView(dossier);
    });
  }
}
