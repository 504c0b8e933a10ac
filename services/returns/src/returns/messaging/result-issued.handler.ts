import { Inject, Injectable } from '@nestjs/common';
import type { BcciEvent } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { RecordUpstreamUseCase } from '../application/record-upstream.use-case';

/** The agency issued the result: the return leg opens if the dossier returns by post. */
@Injectable()
export class ResultIssuedHandler {
  constructor(@Inject(RecordUpstreamUseCase) private readonly upstream: RecordUpstreamUseCase) {}

  @OnEvent('bcci.agency-gateway.result-issued.v1')
  async handle(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    await this.upstream.resultIssued(manager, event as unknown as BcciEvent<'bcci.agency-gateway.result-issued.v1'>, context.traceparent);
  }
}
