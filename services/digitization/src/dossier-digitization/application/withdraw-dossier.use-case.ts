import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent, EventType } from '@bcci/contracts';
import type { EntityManager } from 'typeorm';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';

/**
 * The applicant withdrew the dossier at intake: digitization stops. A withdrawal arriving before the
 * registration (streams are not ordered between each other) finds nothing and changes nothing.
 */
@Injectable()
export class WithdrawDossierUseCase {
  constructor(@Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository) {}

  async execute(manager: EntityManager, event: BcciEvent<typeof EventType.DossierWithdrawn>): Promise<boolean> {
    const dossier = await this.dossiers.findForUpdate(manager, event.data.dossierId);
    if (!dossier || !dossier.withdraw()) return false;
    await this.dossiers.save(manager, dossier);
    return true;
  }
}
