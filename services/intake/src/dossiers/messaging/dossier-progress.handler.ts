import { Injectable } from '@nestjs/common';
import { EventType, type CourierScannedData, type HandoverAcknowledgedData } from '@bcci/contracts';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { RecordDispatchUseCase } from '../application/record-dispatch.use-case';
import { RecordDossierCodeUseCase } from '../application/record-dossier-code.use-case';

/**
 * What intake learns from downstream: the DISPATCHED scan (no more withdrawal at the counter) and the
 * agency's dossier code. The service kit runs each call in the inbox transaction (a redelivery never
 * reaches it); the facts of a consumer run are applied together before it commits (DossierProgressRecorder).
 */
@Injectable()
export class DossierProgressHandler {
  constructor(
    private readonly recordDispatch: RecordDispatchUseCase,
    private readonly recordDossierCode: RecordDossierCodeUseCase,
  ) {}

  @OnEvent(EventType.CourierScanned)
  async onCourierScanned(event: CloudEvent, _manager: EntityManager, context: EventContext): Promise<void> {
    const data = event.data as CourierScannedData;
    // ARRIVED or HANDED_OVER without a DISPATCHED before it (a missed scan) still proves the item left.
    this.recordDispatch.execute(context, data.dossierId, new Date(data.scannedAt), context.traceparent);
  }

  @OnEvent(EventType.HandoverAcknowledged)
  async onHandoverAcknowledged(event: CloudEvent, _manager: EntityManager, context: EventContext): Promise<void> {
    const data = event.data as HandoverAcknowledgedData;
    if (data.dossierCode) this.recordDossierCode.execute(context, data.dossierId, data.dossierCode, context.traceparent);
  }
}
