import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent, EventType } from '@bcci/contracts';
import { OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import { withdrawDigitization } from '../domain/dossier-digitization.rules';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { CLOCK, type Clock } from './clock';
import { writeDigitizationDecision } from './digitization-events';

/**
 * The applicant withdrew the dossier at intake: digitization stops (rule: withdrawDigitization). Runs in
 * the consumer's transaction with its inbox record, under the dossier's lock, so an operator's step at
 * the same moment comes before it or is refused after it. A withdrawal arriving before the registration
 * (streams are not ordered between each other) finds nothing and changes nothing.
 */
@Injectable()
export class WithdrawDossierUseCase {
  constructor(
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, event: BcciEvent<typeof EventType.DossierWithdrawn>): Promise<boolean> {
    const dossier = await this.dossiers.findForUpdate(manager, event.data.dossierId);
    if (!dossier) return false;
    return writeDigitizationDecision(manager, { dossiers: this.dossiers, outbox: this.outbox }, dossier, withdrawDigitization(dossier), this.clock.now());
  }
}
