import { Injectable } from '@nestjs/common';
import { EventType, type CourierScannedData, type HandoverAcknowledgedData } from '@bcci/contracts';
import type { CloudEvent } from '@bcci/messaging';
import { OnEvent } from '@bcci/service-kit';
import type { EntityManager } from 'typeorm';
import { RecordDispatchUseCase } from '../application/record-dispatch.use-case';
import { RecordDossierCodeUseCase } from '../application/record-dossier-code.use-case';

/**
 * What intake learns from downstream: the DISPATCHED scan (no more withdrawal at the counter) and the
 * agency's dossier code. The service kit runs each call in the inbox transaction: a redelivery never
 * reaches it.
 */
@Injectable()
export class DossierProgressHandler {
  constructor(
    private readonly recordDispatch: RecordDispatchUseCase,
    private readonly recordDossierCode: RecordDossierCodeUseCase,
  ) {}

  @OnEvent(EventType.CourierScanned)
  async onCourierScanned(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as CourierScannedData;
    // ARRIVED or HANDED_OVER without a DISPATCHED before it (a missed scan) still proves the item left.
    await this.recordDispatch.execute(manager, data.dossierId, new Date(data.scannedAt));
  }

  @OnEvent(EventType.HandoverAcknowledged)
  async onHandoverAcknowledged(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as HandoverAcknowledgedData;
    if (data.dossierCode) await this.recordDossierCode.execute(manager, data.dossierId, data.dossierCode);
  }
}
