import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BcciEvent } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { OpenPostalLegUseCase } from '../application/open-postal-leg.use-case';

@Injectable()
export class DossierRegisteredHandler {
  private readonly logger = new Logger(DossierRegisteredHandler.name);

  constructor(@Inject(OpenPostalLegUseCase) private readonly openPostalLeg: OpenPostalLegUseCase) {}

  @OnEvent('bcci.intake.dossier-registered.v1')
  async handle(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    const outcome = await this.openPostalLeg.execute(manager, event as unknown as BcciEvent<'bcci.intake.dossier-registered.v1'>, context.traceparent);
    if (outcome === 'already-open') this.logger.warn(`dossier ${event.subject}: leg already open, registration ${event.id} ignored`);
  }
}
