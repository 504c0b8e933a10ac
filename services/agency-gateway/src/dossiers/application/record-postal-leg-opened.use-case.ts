import type { BcciEvent, EventType } from '@bcci/contracts';
import { recordPostalLeg } from '../domain/agency-dossier.rules';
import type { ConsumerRun } from '@bcci/messaging';
import type { DossierProjection } from './dossier-projection';

/** Forwarding opened the leg to the competent agency (chosen on the intake day). */
export class RecordPostalLegOpenedUseCase {
  constructor(private readonly projection: DossierProjection) {}

  execute(run: ConsumerRun, event: BcciEvent<typeof EventType.PostalLegOpened>, traceparent?: string): void {
    this.projection.apply(run, event.data.dossierId, { eventId: event.id, correlationId: event.correlationid, traceparent }, (s) => recordPostalLeg(s, event.data));
  }
}
