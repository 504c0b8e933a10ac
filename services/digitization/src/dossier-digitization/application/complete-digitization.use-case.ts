import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { DataSource } from 'typeorm';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { dossierDigitized } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';
import { systemClock } from '@bcci/kernel';

/**
 * Completeness check against the checklist: complete → dossier-digitized with per-component flags;
 * otherwise 422 listing what is missing, and nothing written.
 */
@Injectable()
export class CompleteDigitizationUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
  ) {}

  async execute(command: { actor: Actor; dossierId: string }): Promise<DigitizationView> {
    return this.dataSource.transaction(async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      const now = systemClock.now();
      const result = dossier.complete(now);
      await this.dossiers.save(manager, dossier);
      await new OutboxWriter().append(manager, dossierDigitized(dossier, result, staffActorOf(command.actor), now));
      return digitizationView(dossier);
    });
  }
}
