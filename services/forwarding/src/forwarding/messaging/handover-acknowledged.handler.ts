import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { AcknowledgeHandoverUseCase } from '../application/acknowledge-handover.use-case';

/** The agency's signature of the handover record, from the agency gateway. */
@Injectable()
export class HandoverAcknowledgedHandler {
  constructor(@Inject(AcknowledgeHandoverUseCase) private readonly acknowledge: AcknowledgeHandoverUseCase) {}

  @OnEvent('bcci.agency-gateway.handover-acknowledged.v1')
  async handle(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    await this.acknowledge.execute(manager, event as unknown as BcciEvent<'bcci.agency-gateway.handover-acknowledged.v1'>, context.traceparent);
  }
}
