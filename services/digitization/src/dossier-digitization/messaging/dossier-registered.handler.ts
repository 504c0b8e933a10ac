import { Inject, Injectable } from '@nestjs/common';
import { EventType, type BcciEvent } from '@bcci/contracts';
import type { CloudEvent } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { RegisterDossierUseCase } from '../application/register-dossier.use-case';

@Injectable()
export class DossierRegisteredHandler {
  constructor(@Inject(RegisterDossierUseCase) private readonly registerDossier: RegisterDossierUseCase) {}

  @OnEvent(EventType.DossierRegistered)
  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    await this.registerDossier.execute(manager, event as unknown as BcciEvent<typeof EventType.DossierRegistered>);
  }
}
