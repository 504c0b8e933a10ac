import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { RecordUpstreamUseCase } from '../application/record-upstream.use-case';

/** The registration tells returns the service form and where the result goes (delivery mode, postal point, recipient ref). */
@Injectable()
export class DossierRegisteredHandler {
  constructor(@Inject(RecordUpstreamUseCase) private readonly upstream: RecordUpstreamUseCase) {}

  @OnEvent('bcci.intake.dossier-registered.v1')
  async handle(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    await this.upstream.registration(manager, event as unknown as BcciEvent<'bcci.intake.dossier-registered.v1'>, context.traceparent);
  }
}
