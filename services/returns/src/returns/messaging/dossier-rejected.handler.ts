import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { RecordUpstreamUseCase } from '../application/record-upstream.use-case';

/** The agency rejected the dossier: the refusal slip travels back like a result. */
@Injectable()
export class DossierRejectedHandler {
  constructor(@Inject(RecordUpstreamUseCase) private readonly upstream: RecordUpstreamUseCase) {}

  @OnEvent('bcci.agency-gateway.dossier-rejected.v1')
  async handle(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    await this.upstream.dossierRejected(manager, event as unknown as BcciEvent<'bcci.agency-gateway.dossier-rejected.v1'>, context.traceparent);
  }
}
