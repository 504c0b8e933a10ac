import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventType, type BcciEvent } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import { RecordDossierDigitizedUseCase } from '../application/record-dossier-digitized.use-case';
import { RecordDossierRegisteredUseCase } from '../application/record-dossier-registered.use-case';
import { RecordHandoverRecordSignedUseCase } from '../application/record-handover-record-signed.use-case';
import { RecordPostalLegOpenedUseCase } from '../application/record-postal-leg-opened.use-case';

/** Upstream facts about a dossier, in any order; the dossier is published once all are known. */
@Injectable()
export class UpstreamEventsHandler {
  constructor(
    @Inject(RecordDossierRegisteredUseCase) private readonly registered: RecordDossierRegisteredUseCase,
    @Inject(RecordPostalLegOpenedUseCase) private readonly legOpened: RecordPostalLegOpenedUseCase,
    @Inject(RecordDossierDigitizedUseCase) private readonly digitized: RecordDossierDigitizedUseCase,
    @Inject(RecordHandoverRecordSignedUseCase) private readonly handoverSigned: RecordHandoverRecordSignedUseCase,
  ) {}

  @OnEvent(EventType.DossierRegistered)
  onRegistered(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    return this.registered.execute(manager, event as unknown as BcciEvent<typeof EventType.DossierRegistered>, context.traceparent);
  }

  @OnEvent(EventType.PostalLegOpened)
  onLegOpened(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    return this.legOpened.execute(manager, event as unknown as BcciEvent<typeof EventType.PostalLegOpened>, context.traceparent);
  }

  @OnEvent(EventType.DossierDigitized)
  onDigitized(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    return this.digitized.execute(manager, event as unknown as BcciEvent<typeof EventType.DossierDigitized>, context.traceparent);
  }

  @OnEvent(EventType.HandoverRecordSigned)
  onHandoverRecordSigned(event: CloudEvent, manager: EntityManager, context: EventContext): Promise<void> {
    return this.handoverSigned.execute(manager, event as unknown as BcciEvent<typeof EventType.HandoverRecordSigned>, context.traceparent);
  }
}
