import { Inject, Injectable } from '@nestjs/common';
import { EventType, type BcciEvent } from '@bcci/contracts';
import type { CloudEvent } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { WithdrawDossierUseCase } from '../application/withdraw-dossier.use-case';

@Injectable()
export class DossierWithdrawnHandler {
  constructor(@Inject(WithdrawDossierUseCase) private readonly withdrawDossier: WithdrawDossierUseCase) {}

  @OnEvent(EventType.DossierWithdrawn)
  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    await this.withdrawDossier.execute(manager, event as unknown as BcciEvent<typeof EventType.DossierWithdrawn>);
  }
}
