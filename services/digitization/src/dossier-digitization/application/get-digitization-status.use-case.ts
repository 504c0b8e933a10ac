import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { DataSource } from 'typeorm';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';

@Injectable()
export class GetDigitizationStatusUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
  ) {}

  async execute(command: { actor: Actor; dossierId: string }): Promise<DigitizationView> {
    return digitizationView(await loadDossierFor(this.dossiers, this.dataSource.manager, command.actor, command.dossierId, false));
  }
}
