import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BcciEvent } from '@bcci/contracts';
import type { CloudEvent } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { CloseLegOnWithdrawalUseCase } from '../application/close-leg-on-withdrawal.use-case';

@Injectable()
export class DossierWithdrawnHandler {
  private readonly logger = new Logger(DossierWithdrawnHandler.name);

  constructor(@Inject(CloseLegOnWithdrawalUseCase) private readonly closeLeg: CloseLegOnWithdrawalUseCase) {}

  @OnEvent('bcci.intake.dossier-withdrawn.v1')
  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    const outcome = await this.closeLeg.execute(manager, event as unknown as BcciEvent<'bcci.intake.dossier-withdrawn.v1'>);
    // A withdrawal after dispatch needs a person (the item is on its way): say so loudly.
    if (outcome === 'already-dispatched') this.logger.warn(`dossier ${event.subject} withdrawn after dispatch: leg left open for operations`);
  }
}
