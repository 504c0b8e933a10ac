import { Inject, Injectable } from '@nestjs/common';
import { EventType, type BcciEvent } from '@bcci/contracts';
import type { CloudEvent } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { RecordIssuedResultUseCase } from '../application/record-issued-result.use-case';

@Injectable()
export class ResultIssuedHandler {
  constructor(@Inject(RecordIssuedResultUseCase) private readonly recordIssuedResult: RecordIssuedResultUseCase) {}

  @OnEvent(EventType.ResultIssued)
  async handle(event: CloudEvent, manager: EntityManager): Promise<void> {
    await this.recordIssuedResult.execute(manager, event as unknown as BcciEvent<typeof EventType.ResultIssued>);
  }
}
