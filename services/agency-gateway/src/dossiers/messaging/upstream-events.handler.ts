import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventType, type BcciEvent } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import { RecordDossierDigitizedUseCase } from '../application/record-dossier-digitized.use-case';
import { RecordDossierRegisteredUseCase } from '../application/record-dossier-registered.use-case';
import { RecordHandoverRecordSignedUseCase } from '../application/record-handover-record-signed.use-case';
import { RecordPostalLegOpenedUseCase } from '../application/record-postal-leg-opened.use-case';

/**
 * Upstream facts about a dossier, in any order; the dossier is published once all are known. The
 * facts of a consumer run are applied together just before its transaction commits (DossierProjection).
 */
@Injectable()
export class UpstreamEventsHandler {
  constructor(
    @Inject(RecordDossierRegisteredUseCase) private readonly registered: RecordDossierRegisteredUseCase,
    @Inject(RecordPostalLegOpenedUseCase) private readonly legOpened: RecordPostalLegOpenedUseCase,
    @Inject(RecordDossierDigitizedUseCase) private readonly digitized: RecordDossierDigitizedUseCase,
    @Inject(RecordHandoverRecordSignedUseCase) private readonly handoverSigned: RecordHandoverRecordSignedUseCase,
  ) {}

  @OnEvent(EventType.DossierRegistered)
  async onRegistered(event: CloudEvent, _manager: EntityManager, context: EventContext): Promise<void> {
    this.registered.execute(context, event as unknown as BcciEvent<typeof EventType.DossierRegistered>, context.traceparent);
  }

  @OnEvent(EventType.PostalLegOpened)
  async onLegOpened(event: CloudEvent, _manager: EntityManager, context: EventContext): Promise<void> {
    this.legOpened.execute(context, event as unknown as BcciEvent<typeof EventType.PostalLegOpened>, context.traceparent);
  }

  @OnEvent(EventType.DossierDigitized)
  async onDigitized(event: CloudEvent, _manager: EntityManager, context: EventContext): Promise<void> {
    this.digitized.execute(context, event as unknown as BcciEvent<typeof EventType.DossierDigitized>, context.traceparent);
  }

  @OnEvent(EventType.HandoverRecordSigned)
  async onHandoverRecordSigned(event: CloudEvent, _manager: EntityManager, context: EventContext): Promise<void> {
    this.handoverSigned.execute(context, event as unknown as BcciEvent<typeof EventType.HandoverRecordSigned>, context.traceparent);
  }
}
